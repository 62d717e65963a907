// A module that lists no generator packages (a mistake a user can make with --generators-module).
export const packages = {};

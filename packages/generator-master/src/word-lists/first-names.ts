/**
 * 200 common US given names (both sexes), roughly most common first; draws
 * weight earlier names more.
 *
 * @example
 * ```ts
 * firstNames.includes('Maria'); // true
 * ```
 */
export const firstNames: readonly string[] = [
  'James', 'Mary', 'Michael', 'Patricia', 'Robert', 'Jennifer', 'John', 'Linda', 'David', 'Elizabeth',
  'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Karen', 'Christopher', 'Sarah',
  'Charles', 'Lisa', 'Daniel', 'Nancy', 'Matthew', 'Sandra', 'Anthony', 'Ashley', 'Mark', 'Emily',
  'Donald', 'Kimberly', 'Steven', 'Betty', 'Andrew', 'Margaret', 'Paul', 'Donna', 'Joshua', 'Michelle',
  'Kenneth', 'Carol', 'Kevin', 'Amanda', 'Brian', 'Melissa', 'Timothy', 'Deborah', 'Ronald', 'Stephanie',
  'George', 'Rebecca', 'Jason', 'Sharon', 'Edward', 'Laura', 'Jeffrey', 'Cynthia', 'Ryan', 'Dorothy',
  'Jacob', 'Amy', 'Nicholas', 'Kathleen', 'Gary', 'Angela', 'Eric', 'Shirley', 'Jonathan', 'Emma',
  'Stephen', 'Brenda', 'Larry', 'Pamela', 'Justin', 'Nicole', 'Scott', 'Anna', 'Brandon', 'Samantha',
  'Benjamin', 'Katherine', 'Samuel', 'Christine', 'Gregory', 'Debra', 'Alexander', 'Rachel', 'Patrick', 'Carolyn',
  'Frank', 'Janet', 'Raymond', 'Maria', 'Jack', 'Olivia', 'Dennis', 'Heather', 'Jerry', 'Helen',
  'Tyler', 'Catherine', 'Aaron', 'Diane', 'Jose', 'Julie', 'Adam', 'Victoria', 'Nathan', 'Joyce',
  'Henry', 'Lauren', 'Zachary', 'Kelly', 'Douglas', 'Christina', 'Peter', 'Ruth', 'Kyle', 'Joan',
  'Noah', 'Virginia', 'Ethan', 'Judith', 'Jeremy', 'Evelyn', 'Christian', 'Hannah', 'Walter', 'Andrea',
  'Keith', 'Megan', 'Austin', 'Cheryl', 'Roger', 'Jacqueline', 'Terry', 'Madison', 'Sean', 'Sophia',
  'Gerald', 'Abigail', 'Carl', 'Teresa', 'Dylan', 'Isabella', 'Harold', 'Sara', 'Jordan', 'Janice',
  'Jesse', 'Martha', 'Bryan', 'Gloria', 'Lawrence', 'Kathryn', 'Arthur', 'Ann', 'Gabriel', 'Charlotte',
  'Bruce', 'Judy', 'Logan', 'Amber', 'Billy', 'Julia', 'Joe', 'Grace', 'Alan', 'Denise',
  'Juan', 'Danielle', 'Elijah', 'Marilyn', 'Willie', 'Beverly', 'Albert', 'Natalie', 'Wayne', 'Theresa',
  'Randy', 'Diana', 'Mason', 'Brittany', 'Vincent', 'Doris', 'Liam', 'Kayla', 'Roy', 'Alexis',
  'Bobby', 'Lori', 'Caleb', 'Marie', 'Bradley', 'Alyssa', 'Russell', 'Luis', 'Carlos', 'Aiden',
];

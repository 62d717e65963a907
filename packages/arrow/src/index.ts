export { arrowSchemaOf, arrowTypeNames, arrowTypeOf, moneyDecimal, type StringEncoding } from './arrow-schema.js';
export { ArrowConversionError } from './arrow-conversion-error.js';
export { fromRecordBatch, toRecordBatch, type ToRecordBatchOptions } from './record-batch.js';
export { fromTransferable, toTransferable, transferListOf, type TransferableColumn, type TransferableRecordBatch } from './record-batch-transfer.js';
export {
  isRecordBatch,
  loadTable,
  loadTables,
  type BatchInput,
  type BatchSink,
  type SinkFormat,
  type SinkSummary,
  type WrittenTable,
} from './batch-sink.js';
export { createDuckDBSink, type DuckDBSinkOptions } from './duckdb-sink.js';
export { createArrowFileSink, type ArrowFileSinkOptions } from './arrow-file-sink.js';
export { createStagedFileSink, type StagedFileSinkOptions } from './staged-file-sink.js';
export { createFileSink, type FileSinkOptions } from './file-sink.js';
export { readArrowFile } from './arrow-file-reader.js';
export { openDuckDBTableReader, type DuckDBTableReader, type DuckDBTableReaderOptions, type ReadBatchesOptions } from './duckdb-table-reader.js';
export { copyTableToFiles, type CopyTableOptions } from './copy-table-to-files.js';
export {
  fileFormats,
  isFileFormat,
  partitionColumn,
  partitioningOf,
  relativeFilePath,
  type FileFormat,
  type TablePartitioning,
} from './file-layout.js';
export {
  csvDialect,
  duckdbReadQuery,
  manifestFileName,
  manifestOf,
  manifestTableOf,
  readManifest,
  writeManifest,
  type CsvDialect,
  type FileManifest,
  type ManifestColumn,
  type ManifestFile,
  type ManifestTable,
} from './file-manifest.js';

export { csvColumns, exportTableCsv, parseTableCsv } from './csv';
export { exportTableJson, parseTableJson, TABLE_FILE_FORMAT, CATALOG_FILE_FORMAT, FILE_VERSION } from './json';
export { importTable, importPastedRows, type ImportContext, type ImportFormat, type ImportResult } from './import';
export { exportCatalogJson, importCatalogJson, type CatalogFileMeta, type CatalogImportResult } from './catalog-file';
export { MAX_IMPORT_CHARS, MAX_IMPORT_ROWS, MAX_REPORTED_PROBLEMS } from './limits';

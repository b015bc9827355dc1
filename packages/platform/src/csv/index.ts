export { type CsvCell, neutralizeCsvText, toCsv } from './csv.js';

/**
 * The error kinds of proactif. Library code throws these (always chaining `cause`);
 * only the CLI maps them to exit codes and to messages for the operator.
 */
export type ErrorKind =
  | 'usage'
  | 'source_format'
  | 'unknown_parameter'
  | 'database'
  | 'configuration'
  | 'rejected_rows';

export class ProactifError extends Error {
  readonly kind: ErrorKind;
  constructor(kind: ErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
    this.name = new.target.name;
  }
}

/** A command line that cannot be understood (bad option, bad date). */
export class UsageError extends ProactifError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('usage', message, options);
  }
}

/** An extract that cannot be read at all (header, encoding, name): nothing of it is applied. */
export class SourceFormatError extends ProactifError {
  readonly file: string;
  constructor(file: string, message: string, options?: { cause?: unknown }) {
    super('source_format', `${file} : ${message}`, options);
    this.file = file;
  }
}

/** A legal parameter asked for a date it has no value for. */
export class UnknownParameterError extends ProactifError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('unknown_parameter', message, options);
  }
}

/** The database cannot be opened or migrated. */
export class DatabaseError extends ProactifError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('database', message, options);
  }
}

/** The environment or a setting is wrong (DATABASE_URL, data folder…). */
export class ConfigurationError extends ProactifError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('configuration', message, options);
  }
}

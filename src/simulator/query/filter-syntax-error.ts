/** A filter the simulator does not understand; the message says what and where (1-based position). */
export class FilterSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FilterSyntaxError';
  }
}

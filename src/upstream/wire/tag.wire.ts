/** `Tag`. */
export interface TagWire {
  id: string;
  /** "data-services/tag". */
  type: string;
  customerId: string;
  key?: string;
  value?: string;
}

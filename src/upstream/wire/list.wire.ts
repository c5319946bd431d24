/** GreenLake's list envelope (`CommonListResponse` + `items`). */
export interface ListWire<T> {
  items: T[];
  /** Items in this page. */
  count: number;
  /** The offset of the request. Optional in the secrets and secret-assignments schemas only. */
  offset: number;
  /** All matches. Optional in every schema. */
  total?: number;
  /** A cursor, declared by the secrets and secret-assignments schemas only. */
  next?: string;
}

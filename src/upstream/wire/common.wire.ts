/** `CommonResourceProperties`: the fields every Data Services resource carries. */
export interface CommonResourceWire {
  id: string;
  type: string;
  /** Increases monotonically with every change. */
  generation: number;
  createdAt: string;
  updatedAt: string;
  /** The resource's own path, e.g. `/data-services/v1beta1/async-operations/{id}`. */
  resourceUri: string;
  /** 32 hex characters. */
  customerId: string;
  name?: string;
}

/** `ResourceReference`. */
export interface ResourceReferenceWire {
  type: string;
  resourceUri: string;
  name?: string;
}

/** `ResourceReferenceWithId`. */
export interface ResourceReferenceWithIdWire extends ResourceReferenceWire {
  id?: string;
}

/** `GroupIDNamePair`. */
export interface GroupIdNamePairWire {
  id: string;
  name: string;
}

import type {
  AsyncOperationWire,
  OperationLogMessageWire,
} from 'src/upstream/wire/async-operation.wire';
import type { GroupIdNamePairWire, ResourceReferenceWire } from 'src/upstream/wire/common.wire';
import type { OperationScript } from 'src/simulator/simulator-api.type';
import { OPERATIONS_PATH, rootReference } from './seed-operations';
import { iso } from './seed-context';

/** An operation started by a mutating pass-through call; its state is computed from the clock when read. */
export interface CreatedOperation {
  id: string;
  createdAtMs: number;
  /** Fixed at creation, so setOperationStepMs never rewrites the history of a running operation. */
  stepMs: number;
  outcome: 'SUCCEEDED' | 'FAILED';
  service: string;
  displayName: string;
  userId: string;
  customerId: string;
  /** The resource the operation creates or changes. */
  sourceResourceUri: string;
  associatedResources: ResourceReferenceWire[];
  groups: GroupIdNamePairWire[];
  /** A trace id for the error of a failing operation. */
  traceId: string;
  /** Set by controls.scriptNextOperations: the steps this operation follows instead. */
  script?: OperationScript;
}

const ENDED_STATES = ['SUCCEEDED', 'FAILED', 'CANCELLED'];

/** RUNNING steps between INITIALIZED (step 0) and the final state (step RUNNING_STEPS + 1). */
export const RUNNING_STEPS = 4;
const FINAL_STEP = RUNNING_STEPS + 1;
// Worded like the recorded PCBE sequence ("... task is created", "... task is running", ...)
const STEP_MESSAGES = [
  'task is running',
  'Preparing the parameters',
  'Applying the changes',
  'Verifying the result',
];

export function operationStep(operation: CreatedOperation, nowMs: number): number {
  const elapsed = Math.max(0, nowMs - operation.createdAtMs);
  return Math.min(FINAL_STEP, Math.floor(elapsed / Math.max(1, operation.stepMs)));
}

/**
 * INITIALIZED (progress 0) → RUNNING 20, 40, 60, 80 → SUCCEEDED (100) or FAILED (keeps 80), one log
 * message and one generation per step, as in the recorded PCBE sequences (SUCCEEDED at generation 6).
 */
export function viewOperation(
  operation: CreatedOperation,
  nowMs: number,
  suggestedPollingIntervalSeconds: number,
): AsyncOperationWire {
  if (operation.script) {
    return viewScriptedOperation(
      operation,
      operation.script,
      nowMs,
      suggestedPollingIntervalSeconds,
    );
  }
  const step = operationStep(operation, nowMs);
  const at = (n: number): string => iso(operation.createdAtMs + n * operation.stepMs);
  const ended = step === FINAL_STEP;
  const failed = ended && operation.outcome === 'FAILED';
  const logMessages: OperationLogMessageWire[] = [
    { message: `${operation.displayName} task is created`, timestamp: at(0) },
  ];
  for (let n = 1; n <= Math.min(step, RUNNING_STEPS); n += 1) {
    const text = STEP_MESSAGES[n - 1];
    logMessages.push({
      message: n === 1 ? `${operation.displayName} ${text}` : text,
      timestamp: at(n),
    });
  }
  if (ended) {
    logMessages.push({
      message: `${operation.displayName} task ${failed ? 'failed' : 'completed'}`,
      timestamp: at(FINAL_STEP),
    });
  }
  const state = step === 0 ? 'INITIALIZED' : !ended ? 'RUNNING' : operation.outcome;
  return {
    id: operation.id,
    type: 'task',
    name: operation.displayName,
    displayName: operation.displayName,
    generation: step + 1,
    createdAt: at(0),
    updatedAt: at(step),
    resourceUri: `${OPERATIONS_PATH}/${operation.id}`,
    customerId: operation.customerId,
    state,
    healthStatus: failed ? 'ERROR' : 'OK',
    progressPercent: ended && !failed ? 100 : Math.min(step, RUNNING_STEPS) * 20,
    userId: operation.userId,
    services: [operation.service],
    startedAt: step >= 1 ? at(1) : null,
    endedAt: ended ? at(FINAL_STEP) : null,
    logMessages,
    error: failed
      ? { error: `${operation.displayName} failed`, errorCode: '500', traceId: operation.traceId }
      : null,
    associatedResources: operation.associatedResources,
    sourceResourceUri: ended && !failed ? operation.sourceResourceUri : null,
    parent: null,
    rootOperation: rootReference(operation.id),
    hasChildOperations: false,
    subtreeOperationCount: 0,
    groups: operation.groups,
    recommendations: failed ? [{ message: 'Review the request and retry.' }] : [],
    estimatedRunningDurationMinutes: Math.max(
      1,
      Math.ceil((FINAL_STEP * operation.stepMs) / 60_000),
    ),
    suggestedPollingIntervalSeconds,
  };
}

/** The script's step reached at `nowMs` (the first one before its atMs), and how many were reached. */
function scriptedStep(operation: CreatedOperation, script: OperationScript, nowMs: number) {
  const elapsed = Math.max(0, nowMs - operation.createdAtMs);
  let reached = 0;
  while (reached < script.steps.length && script.steps[reached].atMs <= elapsed) {
    reached += 1;
  }
  return { step: script.steps[Math.max(0, reached - 1)], reached: Math.max(1, reached) };
}

function viewScriptedOperation(
  operation: CreatedOperation,
  script: OperationScript,
  nowMs: number,
  suggestedPollingIntervalSeconds: number,
): AsyncOperationWire {
  const base = viewOperation({ ...operation, script: undefined }, operation.createdAtMs, 1);
  const { step, reached } = scriptedStep(operation, script, nowMs);
  const at = (ms: number): string => iso(operation.createdAtMs + ms);
  const ended = ENDED_STATES.includes(step.state);
  const failed = ended && step.state !== 'SUCCEEDED';
  const logMessages: OperationLogMessageWire[] = [
    { message: `${operation.displayName} task is created`, timestamp: at(0) },
    ...script.steps
      .slice(0, reached)
      .filter((entry) => entry.message !== undefined)
      .map((entry) => ({ message: entry.message ?? '', timestamp: at(entry.atMs) })),
  ];
  const withoutState: AsyncOperationWire = { ...base };
  delete withoutState.state;
  const view: AsyncOperationWire & { status?: string } = {
    ...(script.stateField === 'status' ? withoutState : base),
    ...(script.stateField === 'status' ? { status: step.state } : { state: step.state }),
    generation: reached,
    updatedAt: at(step.atMs),
    progressPercent: step.progressPercent ?? (step.state === 'SUCCEEDED' ? 100 : 0),
    healthStatus: failed ? 'ERROR' : 'OK',
    startedAt: reached > 1 || step.atMs > 0 ? at(script.steps[0].atMs) : null,
    endedAt: ended ? at(step.atMs) : null,
    logMessages,
    error: failed
      ? {
          error: `${operation.displayName} ${step.state}`,
          errorCode: '500',
          traceId: operation.traceId,
        }
      : null,
    sourceResourceUri: ended && !failed ? operation.sourceResourceUri : null,
    recommendations: [],
    suggestedPollingIntervalSeconds:
      script.suggestedPollingIntervalSeconds ?? suggestedPollingIntervalSeconds,
  };
  return view;
}

export function hasSucceeded(operation: CreatedOperation, nowMs: number): boolean {
  if (operation.script) {
    return scriptedStep(operation, operation.script, nowMs).step.state === 'SUCCEEDED';
  }
  return operation.outcome === 'SUCCEEDED' && operationStep(operation, nowMs) === FINAL_STEP;
}

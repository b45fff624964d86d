/**
 * The file each thread of the replica pool ({@link runReplicaTasks}) loads: piscina calls its
 * default export with one {@link ReplicaTask}; it runs the same pure function the in-process path
 * runs, so pooled and in-process replicas are identical bit for bit.
 */
import {
  type ExactReplicaRecord,
  type ExactRunConfig,
  runExactReplica,
} from "../solvers/particles/paper-backgrounds/exact-run.ts";
import {
  type ParticleRunConfig,
  type ReplicaRecord,
  runReplica,
} from "../solvers/particles/particle-run.ts";
import {
  type TransportReplica,
  type TransportSettings,
  transportReplica,
} from "../solvers/particles/transport-coefficients.ts";
import {
  type WaveTransportReplica,
  type WaveTransportSettings,
  waveTransportReplica,
} from "../solvers/particles/wave-transport.ts";
import { workerEntry } from "./worker-entry.ts";

/** One independent replica: of a `particles` run, a `transport` computation or an `exact` run (plain data). */
export type ReplicaTask =
  | { readonly kind: "particles"; readonly config: ParticleRunConfig; readonly replica: number }
  | { readonly kind: "transport"; readonly settings: TransportSettings; readonly replica: number }
  | { readonly kind: "exact"; readonly config: ExactRunConfig; readonly replica: number }
  | {
      readonly kind: "wave";
      readonly settings: WaveTransportSettings;
      readonly wave: number;
      readonly replica: number;
    };

/** What a replica task returns: a particle replica record, a transport, wave or exact replica. */
export type ReplicaResult =
  | ReplicaRecord
  | TransportReplica
  | WaveTransportReplica
  | ExactReplicaRecord;

/** Run one {@link ReplicaTask} in this thread. */
export function runReplicaTask(task: ReplicaTask): ReplicaResult {
  if (task.kind === "exact") return runExactReplica(task.config, task.replica);
  if (task.kind === "particles") return runReplica(task.config, task.replica);
  if (task.kind === "wave") return waveTransportReplica(task.settings, task.wave, task.replica);
  return transportReplica(task.settings, task.replica);
}

/** The worker's entry: {@link runReplicaTask}, a RuleError returned as data (worker-runtime.ts). */
const replicaEntry = workerEntry(runReplicaTask);
export default replicaEntry;

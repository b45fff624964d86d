/**
 * The work to reach a 1 % standard error on the hard-sphere viscosity by the wave method
 * (shear wave, src/solvers/particles/wave-transport.ts) beside the Green–Kubo method
 * (transport-coefficients.ts) timed in the same run, one core each (in this thread):
 * events (linear collision proposals accepted + conversions; Green–Kubo: linear events) and wall
 * seconds, extrapolated as error² × work = const from R replicas. The figure of merit is the ratio
 * of the two works (same machine, same moment).
 *
 *   npx tsx bench/wave-transport.ts [replicas=8] [k=1] [cancellationBin=0.5] [particles=2000]
 */
import { transportCoefficient } from "../src/solvers/particles/transport-coefficients.ts";
import { waveTransportCoefficient } from "../src/solvers/particles/wave-transport.ts";

const R = Number(process.argv[2] ?? 8);
const k = Number(process.argv[3] ?? 1);
const dv = Number(process.argv[4] ?? 0.5);
const N = Number(process.argv[5] ?? 2000);

let t0 = performance.now();
const w = waveTransportCoefficient({
  coefficient: "viscosity",
  waveNumbers: [k],
  particles: N,
  replicas: R,
  cancellationBin: dv,
  quantumRatio: 0.1,
  representation: "global",
});
const waveSeconds = (performance.now() - t0) / 1000;
t0 = performance.now();
const g = transportCoefficient({ coefficient: "viscosity", particles: 20000, replicas: 4 });
const gkSeconds = (performance.now() - t0) / 1000;

const to1 = (err: number, value: number) => (err / (0.01 * value)) ** 2;
const waveScale = to1(w.error, w.value);
const gkScale = to1(g.error, g.value);
console.log(
  JSON.stringify(
    {
      benchmark: "work to a 1 % standard error on the viscosity, wave vs Green–Kubo (one core)",
      wave: {
        k,
        cancellationBin: dv,
        particles: N,
        replicas: R,
        value: w.value,
        error: w.error,
        seconds: waveSeconds,
        events: w.linearEvents,
        eventsFor1Percent: w.linearEvents * waveScale,
        secondsFor1Percent: waveSeconds * waveScale,
      },
      greenKubo: {
        particles: 20000,
        replicas: 4,
        value: g.value,
        error: g.error,
        seconds: gkSeconds,
        events: g.linearEvents,
        eventsFor1Percent: g.linearEvents * gkScale,
        secondsFor1Percent: gkSeconds * gkScale,
      },
      ratioWaveToGreenKuboSeconds: (waveSeconds * waveScale) / (gkSeconds * gkScale),
    },
    null,
    1,
  ),
);

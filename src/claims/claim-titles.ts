/**
 * The title of each id of the claim registry (registry.ts), in registry order, as its results carry
 * it (`ClaimResult.title` of its first result; later sub-cases, e.g. the gradient cases of (2.25), may
 * carry a more specific title), for listings
 * (`boltzlab claims --list`, `claims --help`) without loading or running a check. Kept apart from
 * registry.ts so that a listing does not import every check. test/claims/claim-titles.test.ts checks
 * that its ids are the registry's, in order, and compares its titles with those the cheap checks
 * produce.
 */
export const CLAIM_TITLES: Readonly<Record<string, string>> = {
  "1.9": "Uniform compact support",
  "2.10": "Separation of directions",
  "2.19": "Separation on one ring",
  "2.11": "Tube sum bound",
  "2.12": "Sum of velocity bumps",
  "1.13": "Sum of velocity bumps (introduction)",
  "2.20": "Disjoint velocity supports",
  "2.23": "Relative velocity between distinct bumps",
  "2.24": "Beam in the strong norm",
  "2.25": "Beam in L^p_v L^∞_x",
  "2.26": "Beam in L²_x L¹_v",
  "2.29": "Enlarged tube sum bound",
  "2.30": "Upper bound on the collision frequency",
  "2.31": "Lower bound on the collision frequency",
  "2.34": "Pointwise sandwich of the beam",
  "2.35": "Inner tube count at the core",
  "2.36": "Deflation rate of the core",
  "2.37": "Core lower bound",
  "2.38": "Core at t = 0",
  "2.39": "Core at T*",
  "2.42": "Approximate solution at t = 0",
  "2.43": "Norm deflation of the approximate solution",
  "T*<=1/4": "Hypothesis t ≤ 1/4 of Lemmas 2.2–2.4 at t = T*",
  "3.4": "Time-integral collision estimate",
  "3.5": "Time-independent collision estimate with weight loss",
  "3.6": "Gain term with the roles exchanged",
  "4.4": "Z-norm of the beam",
  "4.5": "Z-norm of the core",
  "4.6": "Z-norm of the approximate solution",
  "4.18": "Decay of the core in L^{1,1}_v L^∞_x",
  "4.19": "Decay of the core gradient in L^{1,1}_v L^∞_x",
  "4.25": "Time integral of the collision-frequency envelope along a characteristic",
  "5.11": "Z-norm of the second approximate solution",
  "5.12": "Error of the second approximate solution",
  "3.5-fb": "(3.5) for Q⁻ with f = g = f_b",
  "3.6-fb": "(3.6) for Q⁺ with f = g = f_b",
  "3.5-construction":
    "(3.5) on the construction's pairs with the core (f_b,f_r), (f_r,f_b), (f_r,f_r)",
  "3.6-construction":
    "(3.6) on the construction's pairs with the core (f_b,f_r), (f_r,f_b), (f_r,f_r)",
};

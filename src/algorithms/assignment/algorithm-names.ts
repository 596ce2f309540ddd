/** The user-equilibrium assignment algorithms by name: Frank-Wolfe, conjugate and bi-conjugate Frank-Wolfe. */

/** Assignment algorithms: Frank-Wolfe, conjugate FW, bi-conjugate FW. */
export type AssignmentAlgorithm = "fw" | "cfw" | "bfw";
export const ASSIGNMENT_ALGORITHMS: readonly AssignmentAlgorithm[] = ["fw", "cfw", "bfw"];

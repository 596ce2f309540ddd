/** The assignment algorithms by name (for option lists), without loading the engine. */
export { ASSIGNMENT_ALGORITHMS, type AssignmentAlgorithm } from "../algorithms/assignment/algorithm-names.ts";

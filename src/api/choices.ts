/**
 * The choices the command line offers for its options (output formats, batch formats, layers, assignment algorithms),
 * from light modules, so that `deltanet --help` and argument parsing load none of the engine.
 */
export { BATCH_FORMATS, type BatchFormat } from "../io/batch-format.ts";
export { LAYERS, type Layer } from "../model/layers.ts";
export { ASSIGNMENT_ALGORITHMS, type AssignmentAlgorithm } from "../engine/assignment-algorithms.ts";

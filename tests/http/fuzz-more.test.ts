/** Fuzzing, second half of the procedures and form routes (tests/http/fuzz-suite.ts). */
import { defineFuzzTests } from "./fuzz-suite";

defineFuzzTests(1, 2);

/** The version recorded with every closed period (kept equal to package.json's by a test). */
export const COMP_VERSION = "0.1.0";

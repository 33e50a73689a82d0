/** Section "timestamping" (issue 15); the Vietnamese file is the reference. */
export const timestamping = {
  unavailable:
    "The time-stamping server ({tsa}) did not answer or answered invalidly, so the document was not signed (a signature needs a trusted signing time). Try again in a few minutes; if it keeps failing, tell the Internal Affairs office.",
  sourceBuiltIn:
    "Timestamp: camket's own time-stamping server (certificate issued by the city CA), not a trust service provider's.",
  sourceConfigured: "Timestamp: time-stamping server {tsa}.",
};

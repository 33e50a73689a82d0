/** Section "timestamping" (issue 15); the Vietnamese file is the reference. */
export const timestamping = {};

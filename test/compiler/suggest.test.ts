import { describe, expect, test } from "vitest";
import { closestName, editDistance } from "../../compiler/suggest.ts";

describe("editDistance (optimal string alignment)", () => {
  test.each([
    ["", "", 0],
    ["abc", "", 3],
    ["", "abc", 3],
    ["Senior", "Senior", 0],
    ["Senoir", "Senior", 1], // neighbouring letters swapped: one edit, not two
    ["Manger", "Manager", 1],
    ["levle", "level", 1],
    ["kitten", "sitting", 3],
    ["CV", "PV", 1],
  ])("%s / %s = %i", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe("closestName", () => {
  const ranks = ["Consultant", "Junior", "Senior", "Manager", "Director"];

  test("suggests the nearest declared name", () => {
    expect(closestName("Senoir", ranks)).toBe("Senior");
    expect(closestName("Manger", ranks)).toBe("Manager");
    expect(closestName("Directr", ranks)).toBe("Director");
  });

  test("a difference in case alone is close", () => {
    expect(closestName("senior", ranks)).toBe("Senior");
  });

  test("nothing when no candidate is close enough", () => {
    expect(closestName("Platinum", ranks)).toBeUndefined();
    expect(closestName("X", ["PV", "GV", "OV"])).toBeUndefined();
  });

  test("never suggests the name itself", () => {
    expect(closestName("Senior", ["Senior"])).toBeUndefined();
  });

  test("ties go to the better case match, then to the earlier candidate", () => {
    expect(closestName("ab", ["aB", "ac"])).toBe("aB");
    expect(closestName("XV", ["PV", "CV"])).toBe("PV");
  });
});

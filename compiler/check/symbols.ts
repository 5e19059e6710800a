/**
 * First pass: collect the declared ranks and measures, so that every later check can resolve a
 * name wherever it stands (a `breakaway at` line may come before the ranks block). A name
 * declared twice is reported at the second declaration; the first one counts.
 */
import type { Item, RanksItem, VolumeItem } from "../../grammar/ast.ts";
import { type CheckContext, firstOnLine, quoted } from "./context.ts";

export function declareSymbols(ctx: CheckContext, items: readonly Item[]): void {
  const firstRank = new Map<string, RanksItem["ranks"][number]>();
  const firstMeasure = new Map<string, VolumeItem>();
  for (const item of items) {
    if (item.kind === "Ranks") {
      ctx.hasRanksBlock = true;
      ctx.within(item, () => {
        for (const rank of item.ranks) {
          const earlier = firstRank.get(rank.name.text);
          if (earlier) {
            ctx.report(
              "E120",
              rank.name.span,
              `rank ${quoted(rank.name.text)} is declared twice (${firstOnLine(earlier.name)})`,
            );
            continue;
          }
          firstRank.set(rank.name.text, rank);
          ctx.rankIndex.set(rank.name.text, ctx.rankNames.length);
          ctx.rankNames.push(rank.name.text);
        }
      });
    } else if (item.kind === "Volume") {
      ctx.hasVolumes = true;
      const earlier = firstMeasure.get(item.name.text);
      ctx.within(item, () => {
        if (earlier) {
          ctx.report(
            "E121",
            item.name.span,
            `measure ${quoted(item.name.text)} is declared twice (${firstOnLine(earlier.name)})`,
            { alsoAbout: [earlier] },
          );
          return;
        }
        firstMeasure.set(item.name.text, item);
        ctx.measureIndex.set(item.name.text, ctx.measureNames.length);
        ctx.measureNames.push(item.name.text);
      });
    }
  }
}

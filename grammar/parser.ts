/**
 * The plan grammar as a chevrotain CST parser with error recovery. Whitespace and newlines are
 * insignificant, so the grammar is LL(k) over tokens alone: a rank is `Name (':' Condition)?`,
 * and the next rank simply starts with the next name.
 *
 * Recovery: chevrotain inserts or deletes a single token where that fixes the input, re-syncs a
 * broken clause at the next clause start or `}`, and skips garbage between top-level items up to
 * the next item keyword. grammar/syntaxErrors.ts turns the recorded errors into diagnostics and
 * grammar/diagnosticFilter.ts keeps one per item, so one typo gives one diagnostic.
 *
 * The parser is created once (performSelfAnalysis is the expensive part); use `planParser()`.
 */
import type { CstNode, IToken } from "chevrotain";
import { ConditionParser } from "./conditionParser.ts";
import { ALL_TOKEN_TYPES } from "./lexer.ts";
import { structuredMessageProvider } from "./syntaxErrors.ts";
import { T } from "./tokenTypes.ts";

const VOLUME_ITEM_SECOND = new Set([T.Name, T.Equals]);

export class PlanParser extends ConditionParser {
  constructor() {
    super([...ALL_TOKEN_TYPES], {
      recoveryEnabled: true,
      nodeLocationTracking: "onlyOffset",
      errorMessageProvider: structuredMessageProvider,
      maxLookahead: 2,
    });
    this.performSelfAnalysis();
  }

  public plan = this.RULE("plan", () => {
    this.MANY({
      // `mode volume` inside a split block is not the start of a `volume` item: without this,
      // recovery that skips a broken split block would resume inside it. A real volume item
      // goes on with a name or `=`; `volume measures ...` or `volume }` is the split mode.
      GATE: () => this.LA(1).tokenType !== T.Volume || (this.LA(0).tokenType !== T.Mode && VOLUME_ITEM_SECOND.has(this.LA(2).tokenType)),
      DEF: () => this.SUBRULE(this.item),
    });
  });

  private item = this.RULE("item", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.planHeader) },
      { ALT: () => this.SUBRULE(this.currencyItem) },
      { ALT: () => this.SUBRULE(this.roundingItem) },
      { ALT: () => this.SUBRULE(this.periodItem) },
      { ALT: () => this.SUBRULE(this.volumeItem) },
      { ALT: () => this.SUBRULE(this.activeItem) },
      { ALT: () => this.SUBRULE(this.ranksItem) },
      { ALT: () => this.SUBRULE(this.breakawayItem) },
      { ALT: () => this.SUBRULE(this.bonusItem) },
      { ALT: () => this.SUBRULE(this.splitItem) },
      { ALT: () => this.SUBRULE(this.cancellationItem) },
      { ALT: () => this.SUBRULE(this.payoutItem) },
    ]);
  });

  private planHeader = this.RULE("planHeader", () => {
    this.CONSUME(T.Plan);
    this.CONSUME(T.String, { LABEL: "title" });
    this.OPTION(() => {
      this.CONSUME(T.Version);
      this.CONSUME2(T.String, { LABEL: "version" });
    });
  });

  private currencyItem = this.RULE("currencyItem", () => {
    this.CONSUME(T.Currency);
    this.CONSUME(T.Name, { LABEL: "code" });
  });

  private roundingItem = this.RULE("roundingItem", () => {
    this.CONSUME(T.Rounding);
    this.CONSUME(T.Name, { LABEL: "mode" });
    this.OPTION(() => {
      this.CONSUME(T.To);
      this.CONSUME(T.Number, { LABEL: "unit" });
    });
  });

  private periodItem = this.RULE("periodItem", () => {
    this.CONSUME(T.Period);
    this.CONSUME(T.Name, { LABEL: "value" });
  });

  private volumeItem = this.RULE("volumeItem", () => {
    this.CONSUME(T.Volume);
    this.CONSUME(T.Name, { LABEL: "name" });
    this.CONSUME(T.Equals);
    this.CONSUME2(T.Name, { LABEL: "figure" });
  });

  private activeItem = this.RULE("activeItem", () => {
    this.CONSUME(T.Active);
    this.CONSUME(T.When);
    this.SUBRULE(this.condition);
  });

  private ranksItem = this.RULE("ranksItem", () => {
    this.CONSUME(T.Ranks);
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.rankDecl));
    this.CONSUME(T.RBrace);
  });

  private rankDecl = this.RULE("rankDecl", () => {
    this.CONSUME(T.Name, { LABEL: "name" });
    this.OPTION(() => {
      this.CONSUME(T.Colon);
      this.SUBRULE(this.condition);
    });
  });

  private breakawayItem = this.RULE("breakawayItem", () => {
    this.CONSUME(T.Breakaway);
    this.CONSUME(T.At);
    this.CONSUME(T.Name, { LABEL: "rank" });
  });

  private bonusItem = this.RULE("bonusItem", () => {
    this.CONSUME(T.Bonus);
    this.SUBRULE(this.bonusKind);
    this.CONSUME(T.String, { LABEL: "title" });
    this.CONSUME(T.On);
    this.CONSUME(T.Name, { LABEL: "measure" });
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.bonusClause));
    this.CONSUME(T.RBrace);
  });

  /** The kind is a name for the checker; the known kinds are keywords elsewhere, so take them too. */
  private bonusKind = this.RULE("bonusKind", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Name, { LABEL: "kind" }) },
      { ALT: () => this.CONSUME(T.Level, { LABEL: "kind" }) },
      { ALT: () => this.CONSUME(T.Differential, { LABEL: "kind" }) },
      { ALT: () => this.CONSUME(T.Generation, { LABEL: "kind" }) },
      { ALT: () => this.CONSUME(T.Equalrank, { LABEL: "kind" }) },
      { ALT: () => this.CONSUME(T.Faststart, { LABEL: "kind" }) },
      { ALT: () => this.CONSUME(T.Pool, { LABEL: "kind" }) },
    ]);
  });

  private bonusClause = this.RULE("bonusClause", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.levelClause) },
      { ALT: () => this.SUBRULE(this.generationClause) },
      { ALT: () => this.SUBRULE(this.rankRateClause) },
      { ALT: () => this.SUBRULE(this.compressionClause) },
      { ALT: () => this.SUBRULE(this.rateClause) },
      { ALT: () => this.SUBRULE(this.withinClause) },
      { ALT: () => this.SUBRULE(this.sharesClause) },
    ]);
  });

  private levelClause = this.RULE("levelClause", () => {
    this.CONSUME(T.Level);
    this.CONSUME(T.Number, { LABEL: "level" });
    this.CONSUME(T.Colon);
    this.CONSUME(T.Percent, { LABEL: "rate" });
    this.OPTION(() => {
      this.CONSUME(T.Requires);
      this.CONSUME(T.Name, { LABEL: "requires" });
    });
  });

  private generationClause = this.RULE("generationClause", () => {
    this.CONSUME(T.Generation);
    this.CONSUME(T.Number, { LABEL: "generation" });
    this.CONSUME(T.Colon);
    this.CONSUME(T.Percent, { LABEL: "rate" });
    this.OPTION(() => {
      this.CONSUME(T.Requires);
      this.CONSUME(T.Name, { LABEL: "requires" });
    });
  });

  private rankRateClause = this.RULE("rankRateClause", () => {
    this.CONSUME(T.Name, { LABEL: "rank" });
    this.CONSUME(T.Colon);
    this.CONSUME(T.Percent, { LABEL: "rate" });
  });

  private compressionClause = this.RULE("compressionClause", () => {
    this.CONSUME(T.Compression);
  });

  private rateClause = this.RULE("rateClause", () => {
    this.CONSUME(T.Rate);
    this.CONSUME(T.Percent, { LABEL: "rate" });
    this.OPTION(() => {
      this.CONSUME(T.From);
      this.CONSUME(T.Name, { LABEL: "from" });
    });
  });

  private withinClause = this.RULE("withinClause", () => {
    this.CONSUME(T.Within);
    this.CONSUME(T.Number, { LABEL: "days" });
    this.CONSUME(T.Days);
  });

  private sharesClause = this.RULE("sharesClause", () => {
    this.CONSUME(T.Shares);
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.shareEntry));
    this.CONSUME(T.RBrace);
  });

  private shareEntry = this.RULE("shareEntry", () => {
    this.CONSUME(T.Name, { LABEL: "rank" });
    this.CONSUME(T.Colon);
    this.CONSUME(T.Number, { LABEL: "shares" });
  });

  private splitItem = this.RULE("splitItem", () => {
    this.CONSUME(T.Split);
    this.OPTION(() => this.CONSUME(T.String, { LABEL: "title" }));
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.splitClause));
    this.CONSUME(T.RBrace);
  });

  private splitClause = this.RULE("splitClause", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.splitModeClause) },
      { ALT: () => this.SUBRULE(this.splitMeasuresClause) },
      { ALT: () => this.SUBRULE(this.splitDefaultShareClause) },
    ]);
  });

  private splitModeClause = this.RULE("splitModeClause", () => {
    this.CONSUME(T.Mode);
    this.SUBRULE(this.splitModeName);
  });

  /** `volume` is a keyword (it starts an item) and also the default split mode. */
  private splitModeName = this.RULE("splitModeName", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Name, { LABEL: "mode" }) },
      { ALT: () => this.CONSUME(T.Volume, { LABEL: "mode" }) },
    ]);
  });

  private splitMeasuresClause = this.RULE("splitMeasuresClause", () => {
    this.CONSUME(T.Measures);
    this.CONSUME(T.Name, { LABEL: "measure" });
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.CONSUME2(T.Name, { LABEL: "measure" });
    });
  });

  private splitDefaultShareClause = this.RULE("splitDefaultShareClause", () => {
    this.CONSUME(T.Default);
    this.CONSUME(T.Share);
    this.CONSUME(T.Percent, { LABEL: "share" });
  });

  private cancellationItem = this.RULE("cancellationItem", () => {
    this.CONSUME(T.Cancellation);
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.cancellationClause));
    this.CONSUME(T.RBrace);
  });

  private cancellationClause = this.RULE("cancellationClause", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.withdrawalClause) },
      { ALT: () => this.SUBRULE(this.policyClause) },
      { ALT: () => this.SUBRULE(this.lateCancellerClause) },
    ]);
  });

  private withdrawalClause = this.RULE("withdrawalClause", () => {
    this.CONSUME(T.Withdrawal);
    this.CONSUME(T.Number, { LABEL: "days" });
    this.CONSUME(T.Days);
    this.CONSUME(T.After);
    this.CONSUME(T.Delivery);
  });

  private policyClause = this.RULE("policyClause", () => {
    this.CONSUME(T.Policy);
    this.CONSUME(T.Name, { LABEL: "policy" });
  });

  private lateCancellerClause = this.RULE("lateCancellerClause", () => {
    this.CONSUME(T.Late);
    this.CONSUME(T.Canceller);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.lateCancellerRule);
  });

  /** `hold 8 weeks, prepayment only`, either part alone, or both the other way round. */
  private lateCancellerRule = this.RULE("lateCancellerRule", () => {
    this.OR([
      {
        ALT: () => {
          this.SUBRULE(this.holdPart);
          this.OPTION(() => {
            this.CONSUME(T.Comma);
            this.SUBRULE(this.prepaymentPart);
          });
        },
      },
      {
        // the other order reads just as naturally; the AST does not keep the order
        ALT: () => {
          this.SUBRULE2(this.prepaymentPart);
          this.OPTION2(() => {
            this.CONSUME2(T.Comma);
            this.SUBRULE2(this.holdPart);
          });
        },
      },
    ]);
  });

  private holdPart = this.RULE("holdPart", () => {
    this.CONSUME(T.Hold);
    this.CONSUME(T.Number, { LABEL: "weeks" });
    this.CONSUME(T.Weeks);
  });

  private prepaymentPart = this.RULE("prepaymentPart", () => {
    this.CONSUME(T.Prepayment);
    this.CONSUME(T.Only);
  });

  /** `payout minimum 10.00` or `payout target 45%` (two items, each given at most once). */
  private payoutItem = this.RULE("payoutItem", () => {
    this.CONSUME(T.Payout);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Minimum);
          this.CONSUME(T.Number, { LABEL: "minimum" });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Target);
          this.CONSUME(T.Percent, { LABEL: "target" });
        },
      },
    ]);
  });
}

let instance: PlanParser | undefined;

/** The shared parser (grammar analysis runs once, on first use). */
export function planParser(): PlanParser {
  instance ??= new PlanParser();
  return instance;
}

/** Parses a token vector; the parser's `errors` hold what went wrong. */
export function parseTokens(tokens: IToken[]): { cst: CstNode; errors: PlanParser["errors"] } {
  const parser = planParser();
  parser.input = tokens;
  const cst = parser.plan();
  return { cst, errors: parser.errors };
}

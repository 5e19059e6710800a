/**
 * The condition grammar (rank qualifications and `active when`), as a base class of the plan
 * parser: `or` binds loosest, then `and`, then `not`; parentheses group. Nesting depth is bounded
 * before parsing (grammar/nestingGuard.ts), so this recursion cannot overflow the stack.
 */
import { CstParser } from "chevrotain";
import { T } from "./tokenTypes.ts";

export class ConditionParser extends CstParser {
  protected condition = this.RULE("condition", () => {
    this.SUBRULE(this.andCondition);
    this.MANY(() => {
      this.CONSUME(T.Or);
      this.SUBRULE2(this.andCondition);
    });
  });

  private andCondition = this.RULE("andCondition", () => {
    this.SUBRULE(this.notCondition);
    this.MANY(() => {
      this.CONSUME(T.And);
      this.SUBRULE2(this.notCondition);
    });
  });

  private notCondition = this.RULE("notCondition", () => {
    this.MANY(() => this.CONSUME(T.Not));
    this.SUBRULE(this.primaryCondition);
  });

  private primaryCondition = this.RULE("primaryCondition", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE(this.condition);
          this.CONSUME(T.RParen);
        },
      },
      { ALT: () => this.SUBRULE(this.comparison) },
    ]);
  });

  private comparison = this.RULE("comparison", () => {
    this.SUBRULE(this.figure);
    this.SUBRULE(this.compareOp);
    this.CONSUME(T.Number, { LABEL: "right" });
    this.OPTION(() => {
      this.CONSUME(T.With);
      this.CONSUME(T.Maxleg);
      this.CONSUME(T.Percent, { LABEL: "maxleg" });
    });
  });

  private compareOp = this.RULE("compareOp", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.GreaterEqual, { LABEL: "op" }) },
      { ALT: () => this.CONSUME(T.Greater, { LABEL: "op" }) },
      { ALT: () => this.CONSUME(T.LessEqual, { LABEL: "op" }) },
      { ALT: () => this.CONSUME(T.Less, { LABEL: "op" }) },
      { ALT: () => this.CONSUME(T.Equals, { LABEL: "op" }) },
      { ALT: () => this.CONSUME(T.NotEqual, { LABEL: "op" }) },
    ]);
  });

  private figure = this.RULE("figure", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Legs, { LABEL: "function" });
          this.CONSUME(T.LParen);
          this.CONSUME(T.Name, { LABEL: "rank" });
          this.CONSUME(T.RParen);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Frontline, { LABEL: "function" });
          this.CONSUME2(T.LParen);
          this.CONSUME2(T.Name, { LABEL: "rank" });
          this.CONSUME2(T.RParen);
        },
      },
      {
        ALT: () => {
          this.CONSUME3(T.Name, { LABEL: "figure" });
          this.OPTION(() => {
            this.CONSUME3(T.LParen);
            this.CONSUME4(T.Name, { LABEL: "measure" });
            this.CONSUME3(T.RParen);
          });
        },
      },
    ]);
  });
}

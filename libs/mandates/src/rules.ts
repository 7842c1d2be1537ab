import type { MandateRule, StateCode } from './model';
import { CALIFORNIA } from './states/california';
import { FLORIDA } from './states/florida';
import { NEW_JERSEY } from './states/new-jersey';
import {
  CONNECTICUT,
  GEORGIA_HB287,
  GEORGIA_SB401,
  ILLINOIS,
  LOUISIANA,
  MARYLAND,
  NORTH_CAROLINA,
  OHIO,
  TENNESSEE,
  UTAH,
  VIRGINIA,
  WISCONSIN_PENDING,
  WYOMING,
} from './states/other-states';
import { TEXAS } from './states/texas';

export { CALIFORNIA, FLORIDA, NEW_JERSEY, TEXAS };
export {
  CONNECTICUT,
  GEORGIA_HB287,
  GEORGIA_SB401,
  ILLINOIS,
  LOUISIANA,
  MARYLAND,
  NORTH_CAROLINA,
  OHIO,
  TENNESSEE,
  UTAH,
  VIRGINIA,
  WISCONSIN_PENDING,
  WYOMING,
};

/** Every encoded rule, the four starting states first. */
export const MANDATE_RULES: readonly MandateRule[] = [
  FLORIDA,
  CALIFORNIA,
  TEXAS,
  NEW_JERSEY,
  GEORGIA_SB401,
  GEORGIA_HB287,
  OHIO,
  ILLINOIS,
  NORTH_CAROLINA,
  VIRGINIA,
  MARYLAND,
  UTAH,
  CONNECTICUT,
  LOUISIANA,
  TENNESSEE,
  WISCONSIN_PENDING,
  WYOMING,
];

export function rulesForState(
  state: StateCode,
  rules: readonly MandateRule[] = MANDATE_RULES,
): MandateRule[] {
  return rules.filter((r) => r.state === state);
}

export function ruleById(id: string, rules: readonly MandateRule[] = MANDATE_RULES): MandateRule | undefined {
  return rules.find((r) => r.id === id);
}

/**
 * Id schemes of generated documents. Partners and customers share one id space (data.md), so
 * their prefixes differ; orders and cancellations have their own. Numbers start at 1 and follow
 * join or date order, which keeps a generated file readable.
 */
export const partnerId = (index: number): string => `P${index + 1}`;
export const customerId = (index: number): string => `C${index + 1}`;
export const orderId = (index: number): string => `O${index + 1}`;
export const cancellationId = (index: number): string => `S${index + 1}`;

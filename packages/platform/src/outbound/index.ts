export { type AddressVerdict, judgeAddress, judgeAddressText, parseIp } from './address.js';
export { Outbound, type OutboundConfig, type OutboundInit, outboundFor } from './client.js';
export { ForbiddenTargetError, type Resolver, systemResolver } from './guard.js';
export { AllowList, internalName } from './hosts.js';

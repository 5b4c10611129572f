// The e2e journeys take free ports from the one helper the benchmarks use too.
export { freePort } from '../../scripts/support/ports';

import { openMemoryStore } from '../../src/store/memory.js';
import { describeCommunityContract } from './community-contract.js';
import { describeStoreContract, describeWriteFailureContract } from './contract.js';

describeStoreContract('memory', () => Promise.resolve(openMemoryStore()));
describeCommunityContract('memory', () => Promise.resolve(openMemoryStore()));
// The memory store's persist stands for a backend's write: refused, each change is taken back.
describeWriteFailureContract('memory', () => {
  let refusing = false;
  const store = openMemoryStore({
    persist: () => (refusing ? Promise.reject(new Error('disk full')) : Promise.resolve()),
  });
  return Promise.resolve({
    store,
    refuseWrites: () => {
      refusing = true;
      return Promise.resolve();
    },
  });
});

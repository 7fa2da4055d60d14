import { openMemoryStore } from '../../src/store/memory.js';
import { describeCommunityContract } from './community-contract.js';
import { describeStoreContract } from './contract.js';

describeStoreContract('memory', () => Promise.resolve(openMemoryStore()));
describeCommunityContract('memory', () => Promise.resolve(openMemoryStore()));

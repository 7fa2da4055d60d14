import { openMemoryStore } from '../../src/store/memory.js';
import { describeStoreContract } from './contract.js';

describeStoreContract('memory', () => Promise.resolve(openMemoryStore()));

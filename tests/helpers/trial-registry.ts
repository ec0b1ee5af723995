/**
 * A small registry for the templates' tests: a unit with an e-mail, one with a phone, one whose name holds the
 * characters file systems refuse, one merged away before today's map (validTo 30 June 2025).
 */
import { Registry } from '../../shared/registry/schema';

export const TRIAL_REGISTRY = Registry.parse({
  code: 'TH',
  name: 'Thử nghiệm',
  units: [
    { code: '26734', name: 'Phường Lộc Thọ', group: 'ubnd-xa-phuong', contact: 'locthodx@khanhhoa.gov.vn' },
    { code: '26737', name: 'Phường Vĩnh Hải', group: 'ubnd-xa-phuong', contact: '0258 3812 345' },
    { code: '26740', name: 'Xã A/B: "mới"', group: 'ubnd-xa-phuong' },
    { code: '26000', name: 'Phường Cũ', group: 'ubnd-xa-phuong', validTo: '2025-06-30' },
  ],
});

// The label schema every new project starts with: a news-analysis subset of ACE 2005
// (LDC2006T06) — its seven entity types plus the TIME and MONEY values, eight common event
// subtypes with the argument roles and accepted filler types of the ACE English event
// guidelines, the six ACE relation types and the four ACE event attributes. Projects edit
// their copy freely; this file is only the seed. Pure data: names, not database ids.

import type { AttributeTarget } from '../common/model';
import { LABEL_PALETTES } from './labelPalette';

export interface SeedType {
  name: string;
  color: string;
  hotkey: string | null;
  description: string;
}

export interface SeedRole {
  name: string;
  /** Entity type names; empty means any. */
  accepts: string[];
  repeatable: boolean;
}

export interface SeedEventType extends SeedType {
  roles: SeedRole[];
}

export interface SeedAttribute {
  target: AttributeTarget;
  name: string;
  /** Empty: a true/false flag. */
  values: string[];
  defaultValue: string | null;
}

export interface SchemaSeed {
  entityTypes: SeedType[];
  eventTypes: SeedEventType[];
  relationTypes: SeedType[];
  attributes: SeedAttribute[];
}

// One colour per type from the kind's colour-blind-safe palette (labelPalette.ts): the nine
// muted colours for the nine entity types, the light ones for events, Okabe–Ito for relations.
const MUTED = LABEL_PALETTES.entity;
const LIGHT = LABEL_PALETTES.event;
const OKABE_ITO = LABEL_PALETTES.relation;

const entityTypes: [string, string][] = [
  ['PER', 'Person: a human being, named (Laura Whitfield), nominal (the ambassador) or pronoun (she).'],
  ['ORG', 'Organization: a corporation, agency, ministry, armed group or other institution.'],
  ['GPE', 'Geo-political entity: a country, city or state with a government and a population (Iraq, Baghdad).'],
  ['LOC', 'Location: a geographical place that is not a GPE (the Tigris, the Middle East).'],
  ['FAC', 'Facility: a building or structure made by people (the embassy, a checkpoint, a bridge).'],
  ['WEA', 'Weapon: an instrument used to harm (rockets, a rifle, a car bomb).'],
  ['VEH', 'Vehicle: a means of transport (a pickup truck, a helicopter).'],
  ['TIME', 'Time expression: a date, time or duration (late on Tuesday, last month).'],
  ['MONEY', 'Monetary amount ($20 million).'],
];

// Filler types of recurring roles, as the ACE event guidelines give them.
const AGENT = ['PER', 'ORG', 'GPE'];
const PLACE = ['GPE', 'LOC', 'FAC'];
const TIME = ['TIME'];
const INSTRUMENT = ['WEA', 'VEH'];

const role = (name: string, accepts: string[], repeatable = false): SeedRole => ({ name, accepts, repeatable });
const place = () => role('Place', PLACE);
const time = () => role('Time', TIME);
// Life.Injure and Life.Die share their roles.
const lifeRoles = () => [
  role('Agent', AGENT, true),
  role('Victim', ['PER'], true),
  role('Instrument', INSTRUMENT, true),
  place(),
  time(),
];

const eventTypes: Omit<SeedEventType, 'color'>[] = [
  {
    name: 'Conflict.Attack',
    hotkey: 'a',
    description: 'A violent physical act causing harm or damage (fired, shelled, bombed, struck).',
    roles: [
      role('Attacker', AGENT, true),
      role('Target', ['PER', 'ORG', 'VEH', 'FAC', 'WEA', 'LOC', 'GPE'], true),
      role('Instrument', INSTRUMENT, true),
      place(),
      time(),
    ],
  },
  {
    name: 'Conflict.Demonstrate',
    hotkey: 'd',
    description: 'A large number of people come together in a public area to protest or demand something.',
    roles: [role('Entity', ['PER', 'ORG'], true), place(), time()],
  },
  {
    name: 'Movement.Transport',
    hotkey: 't',
    description: 'An agent moves an artifact (often people) from one place to another.',
    roles: [
      role('Agent', AGENT, true),
      role('Artifact', ['PER', 'WEA', 'VEH'], true),
      role('Vehicle', ['VEH']),
      role('Origin', PLACE),
      role('Destination', PLACE),
      time(),
    ],
  },
  {
    name: 'Life.Injure',
    hotkey: 'i',
    description: 'A person is harmed, physically (wounded, hurt, injured).',
    roles: lifeRoles(),
  },
  {
    name: 'Life.Die',
    hotkey: 'k',
    description: 'A person dies (killed, died, executed, fatalities).',
    roles: lifeRoles(),
  },
  {
    name: 'Contact.Meet',
    hotkey: 'm',
    description: 'Two or more entities come together face to face (met, talks, summit).',
    roles: [role('Entity', AGENT, true), place(), time()],
  },
  {
    name: 'Justice.Arrest-Jail',
    hotkey: 'j',
    description: 'A person is taken into custody by a state actor (arrested, detained, jailed).',
    roles: [role('Agent', AGENT, true), role('Person', ['PER'], true), place(), time()],
  },
  {
    name: 'Transaction.Transfer-Money',
    hotkey: 'p',
    description: 'Money is given, lent, paid or pledged from one party to another.',
    roles: [
      role('Giver', AGENT),
      role('Recipient', AGENT),
      role('Beneficiary', AGENT),
      role('Money', ['MONEY']),
      place(),
      time(),
    ],
  },
];

const relationTypes: [string, string][] = [
  ['PHYS', 'Physical: a person or thing is located in or near a place (the guards at the checkpoint).'],
  ['PART-WHOLE', 'One entity is part of another (Baghdad — Iraq; a ministry — a government).'],
  ['PER-SOC', 'Personal-social: a family, business or other personal relationship between people.'],
  ['ORG-AFF', 'Organization affiliation: employment, membership, ownership, leadership.'],
  ['ART', 'Artifact: a user, owner, inventor or manufacturer of a weapon, vehicle or facility.'],
  ['GEN-AFF', 'General affiliation: citizenship, residence, religion or ethnicity.'],
];

/// The seed of every new project's label schema. Entity types carry hotkeys 1–9 in order.
export const DEFAULT_SCHEMA: SchemaSeed = {
  entityTypes: entityTypes.map(([name, description], i) => ({
    name,
    description,
    color: MUTED[i]!,
    hotkey: String(i + 1),
  })),
  eventTypes: eventTypes.map((type, i) => ({ ...type, color: LIGHT[i]! })),
  relationTypes: relationTypes.map(([name, description], i) => ({
    name,
    description,
    color: OKABE_ITO[i]!,
    hotkey: null,
  })),
  attributes: [
    // ACE mention level: a name, a common noun phrase, or a pronoun.
    { target: 'mention', name: 'level', values: ['NAM', 'NOM', 'PRO'], defaultValue: null },
    { target: 'event', name: 'realis', values: ['actual', 'generic', 'other'], defaultValue: 'actual' },
    { target: 'event', name: 'polarity', values: ['positive', 'negative'], defaultValue: 'positive' },
    {
      target: 'event',
      name: 'tense',
      values: ['past', 'present', 'future', 'unspecified'],
      defaultValue: 'unspecified',
    },
    { target: 'event', name: 'genericity', values: ['specific', 'generic'], defaultValue: 'specific' },
  ],
};

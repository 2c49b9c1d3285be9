// The article a sample project opens with. Written for Spanlab (fictional people and a
// fictional incident, no text taken from any outlet), short enough to annotate in a few
// minutes and dense in the default schema's labels: an attack, injuries, an arrest, a
// meeting and a pledge of money. End-to-end tests select its phrases ("the US embassy in
// Baghdad", "fired", "rockets"), so edit it only together with them.

/// The sample document's title.
export const SAMPLE_TITLE = "Rocket fire shakes Baghdad's Green Zone";

/// The sample document's text: the headline on the first line, then the paragraphs,
/// separated by blank lines.
export const SAMPLE_TEXT = `${SAMPLE_TITLE}

BAGHDAD, March 14 — Unidentified militants fired three rockets at the US embassy in Baghdad late on Tuesday, Iraqi security officials said, in the latest of a string of attacks on the heavily guarded district.

Two of the rockets were intercepted by the embassy's air defence system, while a third landed near a checkpoint on the bank of the Tigris, wounding two Iraqi guards. No American staff were hurt, according to a statement from the US embassy. Sirens sounded across the Green Zone for almost an hour after the strike.

Police later found a launcher mounted on a pickup truck in the Zafaraniya district, about ten kilometres to the south-east. Officers arrested a man who was seen driving the truck shortly before the attack, a spokesman for the Interior Ministry told reporters on Wednesday.

Prime Minister Karim Haddad condemned the attack and met the American ambassador, Laura Whitfield, to discuss the security of diplomatic missions. "Whoever fired these rockets wants to drag Iraq back into chaos," he said.

No group has claimed responsibility. Washington has blamed similar strikes on armed factions that demand the withdrawal of foreign troops, and last month pledged $20 million to help Baghdad strengthen the air defences around the capital.
`;

/*
 * safeguarding_scan.c: the matcher itself, with no database, so tests,
 * the fuzzer and `portalctl scan` run exactly what a post runs.
 *
 * Text is read as young people write it. Every word is lowered, stripped
 * of punctuation and apostrophes (safeguarding_normalise), then:
 *   - text-speak and contractions are spelt out ("kms" -> "kill myself",
 *     "dont" -> "do not", "wanna" -> "want to"), and a few irregular
 *     forms are put back to their root ("ran" -> "run", "beaten" -> "beat");
 *   - digits inside a word are read as letters ("k1ll"), and an emoji
 *     between two letters as a hidden one ("k💀ll" reads "k*ll");
 *   - repeated letters are squeezed ("hiiit", "hitt" and "hit" all read
 *     "hit");
 *   - a light stemmer drops -ing, -ed, -es, -s and a final -e, so "hits",
 *     "hitting" and "hit" are one word, and "punched" is "punch".
 * Admin phrases get the same treatment, and must then appear word for
 * word. Built-in rules (rules[] below, named "topic:name") add what a
 * list of phrases cannot: word classes (people, hurting verbs, drugs)
 * that must appear in order within a few words of each other, so "my
 * foster dad smacks my little brother" is caught without listing every
 * way of saying it. A short list of idioms ("hit the roof", "dying to
 * see", "knife and fork") is blanked before the rules run; an admin
 * phrase found only inside one does not count either, unless the phrase
 * is itself that idiom. Idioms are kept narrow so that none can hide a
 * disclosure beside it ("he beat me at home" is not "beat me at fifa").
 *
 * The tables are compiled once per process, on first use (workers are
 * single-threaded), into a hash of 64-bit word hashes. Work is linear in
 * the text: each word is looked up once, then every rule takes one step
 * per word (no backtracking), so 64 KiB costs about 10 ms.
 * It is a net, not a judge: recall comes first (tests/data).
 */
#include <ctype.h>
#include <sys/types.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "safeguarding.h"
#include "sgmatch.h"

#define SG_WORD_MAX	48	/* longer words match nothing we know */
#define SG_SLOTS	4096	/* hash slots, a power of two, under 1/4 full */
#define SG_NUM		(1ULL << 63)	/* class bit for a number */
#define SG_HIDDEN	0xFF	/* an emoji inside a word (hide_emoji) */

struct sg_alias {
	const char	*from;		/* as typed, or squeezed */
	const char	*to;		/* one or more plain words */
};

struct sg_class {
	const char	*name;
	const char	*words;
};

struct sg_rule {
	const char	*topic;
	const char	*name;
	const char	*pattern;
};

struct sg_slot {
	uint64_t	 hash;
	uint64_t	 mask;
	int		 alias;		/* index + 1 in aliases[], or 0 */
};

/*
 * Text-speak, contractions, common misspellings and irregular forms.
 * Looked up as typed, then with repeated letters squeezed.
 */
static const struct sg_alias aliases[] = {
	/* Exact forms first: these would be misread once squeezed. */
	{ "rap", "rapmusic" }, { "raps", "rapmusic" },
	/* Squeezed, "weed" would read "wed" ("made me sell weed" as a
	 * forced marriage); "weeds" are mostly a garden's. */
	{ "weed", "cannabis" }, { "weeds", "gardening" },
	{ "weeding", "gardening" },
	{ "rapper", "rapmusic" }, { "rappers", "rapmusic" },
	{ "rapping", "rapmusic" }, { "rapped", "rapmusic" },
	/* Text-speak. */
	{ "kms", "kill myself" }, { "kmss", "kill myself" },
	/* "Unalive" is said of oneself: "i want to unalive". */
	{ "kys", "kill yourself" }, { "unalive", "kill myself" },
	{ "unalives", "kill myself" }, { "unaliving", "kill myself" },
	{ "unalived", "kill myself" }, { "sewerslide", "suicide" },
	{ "iwanttodie", "i want to die" }, { "wanttodie", "want to die" },
	{ "wan2", "want to" }, { "wana2", "want to" }, { "wnt", "want" },
	{ "wnna", "want to" }, { "wntd", "want" },
	{ "suicde", "suicide" }, { "sucide", "suicide" },
	{ "suiside", "suicide" }, { "sucidal", "suicidal" },
	{ "suicdal", "suicidal" }, { "ded", "dead" },
	{ "wana", "want to" }, { "wanna", "want to" }, { "wan", "want" },
	{ "gona", "going to" }, { "gonna", "going to" },
	{ "gota", "got to" }, { "gotta", "got to" },
	{ "hafta", "have to" }, { "hav", "have" }, { "av", "have" },
	{ "dont", "do not" }, { "doesnt", "does not" },
	{ "didnt", "did not" }, { "cant", "can not" },
	{ "cannot", "can not" }, { "carnt", "can not" },
	{ "wont", "will not" }, { "wouldnt", "would not" },
	{ "couldnt", "could not" }, { "shouldnt", "should not" },
	{ "isnt", "is not" }, { "arent", "are not" },
	{ "wasnt", "was not" }, { "werent", "were not" },
	{ "havent", "have not" }, { "hasnt", "have not" },
	{ "hadnt", "have not" },
	{ "aint", "am not" }, { "dnt", "do not" }, { "dno", "do not know" },
	{ "im", "i am" }, { "ive", "i have" }, { "ill", "i will" },
	{ "hes", "he is" }, { "shes", "she is" }, { "theyre", "they are" },
	{ "hed", "he would" }, { "em", "them" },
	{ "theyll", "they will" }, { "hell", "he will" },
	{ "shell", "she will" }, { "theyd", "they would" },
	{ "u", "you" }, { "ya", "you" }, { "ur", "your" }, { "r", "are" },
	{ "n", "and" }, { "ppl", "people" }, { "pl", "people" },
	{ "pls", "please" }, { "plz", "please" }, { "plez", "please" },
	{ "bf", "boyfriend" }, { "gf", "girlfriend" },
	{ "bfs", "boyfriend" }, { "mom", "mum" }, { "mam", "mum" },
	{ "mummy", "mum" }, { "mommy", "mum" }, { "mother", "mum" },
	{ "mums", "mum" }, { "daddy", "dad" }, { "father", "dad" },
	{ "stepdad", "step dad" }, { "stepmum", "step mum" },
	{ "stepmom", "step mum" }, { "mumz", "mum" },
	{ "myslef", "myself" }, { "mysef", "myself" }, { "meself", "myself" },
	{ "myselff", "myself" }, { "mself", "myself" }, { "ma", "my" },
	{ "wiv", "with" }, { "wif", "with" }, { "cos", "because" },
	{ "coz", "because" }, { "cuz", "because" }, { "bc", "because" },
	{ "nite", "night" }, { "tonite", "tonight" }, { "2nite", "tonight" },
	{ "2night", "tonight" }, { "2day", "today" }, { "2moro", "tomorrow" },
	{ "tmrw", "tomorrow" }, { "some1", "someone" }, { "sum1", "someone" },
	{ "any1", "anyone" }, { "no1", "no one" }, { "noone", "no one" },
	{ "nobody", "no one" }, { "nobdy", "no one" },
	{ "every1", "everyone" }, { "evry1", "everyone" },
	{ "thru", "through" }, { "wat", "what" }, { "wot", "what" },
	{ "sumthin", "something" }, { "smth", "something" },
	{ "anymore", "any more" }, { "nomore", "no more" },
	{ "noplace", "no place" }, { "nowere", "nowhere" },
	{ "selfharm", "self harm" }, { "selfharming", "self harm" },
	{ "sh", "self harm" }, { "shd", "self harm" }, { "shing", "self harm" },
	{ "ctb", "suicide" }, { "proana", "pro ana" }, { "xans", "xanax" },
	{ "nittys", "nitty" }, { "nitties", "nitty" }, { "nittie", "nitty" },
	{ "written", "write" }, { "wrote", "write" }, { "olders", "older" }, { "opps", "opp" }, { "uses", "use" },
	{ "using", "use" }, { "used", "use" },
	{ "paracetamols", "paracetamol" }, { "od", "overdose" },
	{ "odd", "odd" }, { "oded", "overdose" },
	{ "insta", "instagram" }, { "snap", "snapchat" },
	{ "dms", "message" }, { "dm", "message" }, { "dmd", "message" },
	{ "txt", "message" }, { "texts", "message" }, { "text", "message" },
	{ "texting", "message" }, { "texted", "message" },
	{ "messages", "message" }, { "msg", "message" },
	{ "msgs", "message" }, { "messaging", "message" },
	{ "messaged", "message" }, { "pix", "pics" }, { "pic", "pics" },
	{ "nood", "nudes" }, { "noods", "nudes" }, { "nude", "nudes" },
	{ "twenties", "20s" }, { "thirties", "30s" }, { "forties", "40s" },
	/* Irregular forms, put back to the root. */
	{ "ran", "run" }, { "took", "take" }, { "taken", "take" },
	/* "he has my pics", "i had to marry": rules say "have". */
	{ "has", "have" }, { "had", "have" },
	{ "sold", "sell" },
	{ "threw", "throw" }, { "thrown", "throw" }, { "beaten", "beat" },
	{ "bit", "bite" }, { "bitten", "bite" }, { "hid", "hide" },
	{ "kept", "keep" }, { "told", "tell" }, { "said", "say" },
	{ "says", "say" }, { "went", "go" },
	{ "goes", "go" }, { "came", "come" }, { "got", "get" },
	{ "gotten", "get" }, { "caught", "catch" }, { "fed", "feed" },
	{ "left", "leave" }, { "slept", "sleep" }, { "felt", "feel" },
	{ "sent", "send" }, { "bought", "buy" }, { "stole", "steal" },
	{ "stolen", "steal" }, { "died", "die" }, { "dies", "die" },
	{ "dying", "die" }, { "made", "make" }, { "gave", "give" },
	{ "given", "give" }, { "struck", "strike" }, { "shook", "shake" },
	{ "burnt", "burn" }, { "drove", "drive" }, { "driven", "drive" },
	{ "met", "meet" }, { "paid", "pay" }, { "held", "hold" },
	{ "hung", "hang" }, { "chucked", "chuck" }, { "knives", "knife" },
	{ "men", "man" },
	{ "lads", "lad" }, { "guys", "guy" }, { "people", "person" },
	{ "children", "child" }, { "kids", "kid" }, { "sat", "sit" },
	{ "wrists", "wrist" }, { "thighs", "thigh" },
	{ "grabbed", "grab" }, { "stabbed", "stab" }, { "slapped", "slap" },
	{ "hitting", "hit" }, { "cutting", "cut" }, { "hitted", "hit" },
	{ "smacked", "smack" }, { "whipped", "whip" },
	{ "dragged", "drag" }, { "pinned", "pin" }, { "slammed", "slam" },
	{ "shoved", "shove" }, { "shot", "shoot" }, { "robbed", "rob" },
	{ "mugged", "mug" }, { "stopped", "stop" }, { "tripped", "trip" },
	{ "goin", "going" }, { "doin", "doing" }, { "bein", "being" },
	{ "seein", "seeing" }, { "bak", "back" }, { "agen", "again" },
	{ "agin", "again" }, { "ne1", "anyone" }, { "nemore", "any more" },
	{ "nethin", "anything" }, { "evrywhere", "everywhere" },
	{ "evry", "every" }, { "wud", "would" }, { "b", "be" },
	{ "nd", "and" }, { "ystrday", "yesterday" }, { "rn", "right now" },
	{ "sed", "say" }, { "dming", "message" }, { "dmed", "message" },
	{ "dmin", "message" }, { "dmd", "message" },
	{ "owes", "owe" }, { "owed", "owe" }, { "owing", "owe" },
	{ "selfies", "selfie" }, { "aunties", "auntie" }, { "apps", "app" },
	{ "frend", "friend" }, { "frends", "friend" }, { "freind", "friend" },
	{ "woke", "wake" }, { "brought", "bring" }, { "urgently", "urgent" },
	{ "eaten", "eat" }, { "ate", "eat" }, { "cnt", "can not" },
	{ "caint", "can not" }, { "smak", "smack" }, { "smaks", "smack" },
	{ "smakd", "smack" }, { "smackd", "smack" },
	{ "tuch", "touch" }, { "tuches", "touch" }, { "tuchs", "touch" },
	{ "toches", "touch" }, { "touchs", "touch" }, { "tuched", "touch" },
	{ "hitz", "hit" }, { "hitts", "hit" }, { "kiks", "kick" },
	{ "kikz", "kick" }, { "punchz", "punch" }, { "slapz", "slap" },
	/* Dropped g: "hittin", "cuttin". */
	{ "hitin", "hit" }, { "cutin", "cut" }, { "smakin", "smack" },
	{ "smackin", "smack" }, { "beatin", "beat" }, { "kickin", "kick" },
	{ "hurtin", "hurt" }, { "punchin", "punch" }, { "touchin", "touch" },
	{ "kilin", "kill" }, { "starvin", "starve" }, { "selin", "sell" },
	{ "burnin", "burn" }, { "threatenin", "threaten" },
	{ "slapin", "slap" }, { "harmin", "harm" }, { "chokin", "choke" },
	{ "grabin", "grab" }, { "stabin", "stab" }, { "messagin", "message" },
	{ "runin", "run" }, { "dyin", "die" }, { "bulyin", "bully" },
	{ "wna", "want to" }, { "wnt2", "want to" },
	/* Review 109: "smoking weed everyday", "blacking out everynight". */
	{ "everyday", "every day" }, { "evryday", "every day" },
	{ "everynight", "every night" }, { "evrynight", "every night" },
	{ "anywere", "anywhere" }, { "theyve", "they have" },
	{ "weve", "we have" }, { "youve", "you have" },
	/* Squeezed, "noose" would read "nose" ("broke my nose"). */
	{ "noose", "rope" }, { "nooses", "rope" },
	/*
	 * Words starred out by the writer ("k*ll", "s*icide"): the normaliser
	 * keeps a * between letters, and only these known forms are read
	 * back. Guessing the letter in general would turn "sh*t" into "shot".
	 */
	{ "k*ll", "kill" }, { "k*l", "kill" }, { "ki*l", "kill" },
	{ "k*lling", "kill" }, { "k*lled", "kill" }, { "k*ms", "kill myself" },
	{ "s*icide", "suicide" }, { "su*cide", "suicide" },
	{ "sui*ide", "suicide" }, { "suic*de", "suicide" },
	{ "s**cide", "suicide" }, { "s*ic*de", "suicide" },
	{ "su*c*de", "suicide" }, { "s*icidal", "suicidal" },
	{ "su*cidal", "suicidal" }, { "suic*dal", "suicidal" },
	{ "de*d", "dead" }, { "d*ad", "dead" }, { "d**d", "dead" },
	{ "d*e", "die" }, { "di*", "die" }, { "d*ing", "die" },
	{ "r*pe", "rape" }, { "r*ped", "rape" }, { "ra*ed", "rape" },
	{ "unal*ve", "kill myself" }, { "un*live", "kill myself" },
	{ "ab*se", "abuse" }, { "ab*sed", "abuse" }, { "h*rm", "harm" },
	{ "h*ng", "hang" }, { "o*erdose", "overdose" }, { "n*des", "nudes" },
	{ "nud*s", "nudes" }, { "m*lest", "molest" },
	{ "f*ck", "fuck" }, { "f**k", "fuck" }, { "f*cked", "fuck" },
	{ "f**ked", "fuck" }, { "f***ed", "fuck" }, { "f*cking", "fuck" },
	{ "f**king", "fuck" }, { "f***ing", "fuck" }, { "fked", "fuck" },
	{ "fcked", "fuck" }, { "fck", "fuck" }, { "fuk", "fuck" },
	{ "fukd", "fuck" }, { "fuked", "fuck" },
	/* Spelt out a letter a time, run together ("k i l l m y s e l f"). */
	{ "killmyself", "kill myself" }, { "killmeself", "kill myself" },
	{ "hurtmyself", "hurt myself" }, { "cutmyself", "cut myself" },
	{ "endmylife", "end my life" }, { "hangmyself", "hang myself" },
	{ "suicide", "suicide" }, { "suicidal", "suicidal" },
};

/*
 * Word classes, at most 62. Words are written plainly; they are read
 * through the same aliases and stemmer as the text.
 */
enum {
	C_PERSON, C_HARM, C_VICTIM, C_GET, C_ASSAULT, C_KILL, C_SELF,
	C_WANT, C_DIE, C_HARMSELF, C_BODY, C_TOUCH, C_FEAR, C_DRUG,
	C_DEAL, C_FORCE, C_OLDER, C_GIFT, C_SUBST, C_ONLINE, C_CONTACT,
	C_AGE, C_PICS, C_ASKPIC, C_ENTER, C_ROOM, C_NIGHT, C_WEAPON,
	C_THREAT, C_FOOD, C_SLEEP, C_ROUGH, C_HOME, C_MEDS, C_LOTS,
	C_HERE, C_NEG, C_SECRET, C_TELL, C_BULLY, C_SHOUT, C_LEAVE,
	C_STAFF, C_ADULT, C_OTHERS, C_THEN, C_START, C_END
};

static const struct sg_class classes[] = {
	[C_PERSON] = { "PERSON", "he she they them him her someone "
	    "somebody carer foster mum dad step parent nan grandad grandma "
	    "uncle auntie aunt brother sister cousin boyfriend girlfriend "
	    "partner man guy lad bloke boy girl older adult staff worker "
	    "keyworker teacher coach manager neighbour friend gang person "
	    "stranger woman lady member landlord housemate flatmate "
	    "kid child coach tutor instructor driver host" },
	[C_HARM] = { "HARM", "hit punch smack slap kick beat batter grab "
	    "shove push choke strangle bruise bite burn whack thump "
	    "belt hurt attack strike pin drag spit headbutt lash stab "
	    "bash smash twist wallop slam restrain whip scratch pinch "
	    "abuse assault strangle suffocate smother bully boot stamp" },
	[C_VICTIM] = { "VICTIM", "me my us our myself her him mine you" },
	[C_GET] = { "GET", "get was were been being am is are" },
	[C_ASSAULT] = { "ASSAULT", "hit punch smack slap kick beat batter "
	    "jump mug rob stab shoot attack slash shank corner assault "
	    "abuse strangle choke bully rape threaten whip" },
	[C_KILL] = { "KILL", "kill end off hang shoot drown murder top "
	    "overdose suffocate poison" },
	[C_SELF] = { "SELF", "myself self meself herself himself themselves "
	    "themself yourself" },
	[C_WANT] = { "WANT", "want wish ready rather prefer hope deserve "
	    "should better plan think" },
	[C_DIE] = { "DIE", "die dead death disappear exist gone" },
	[C_HARMSELF] = { "HARMSELF", "cut hurt harm burn scratch hit punch "
	    "starve bite bang scar slash stab choke strangle" },
	[C_BODY] = { "BODY", "arm wrist leg thigh stomach belly skin body "
	    "hip chest neck face hand" },
	[C_TOUCH] = { "TOUCH", "touch grope fondle rub kiss undress "
	    "molest lick strip" },
	[C_FEAR] = { "FEAR", "scared frightened terrified afraid "
	    "petrified fear scare" },
	[C_DRUG] = { "DRUG", "drug weed coke cocaine crack heroin gear "
	    "package parcel wrap ket ketamine spice pills mdma pill "
	    "county xanax lean pack nitty" },
	[C_DEAL] = { "DEAL", "sell deal carry hold deliver stash drop "
	    "hide plug traffic" },
	[C_FORCE] = { "FORCE", "make force pressure threaten blackmail "
	    "push order owe" },
	[C_OLDER] = { "OLDER", "older man guy bloke lad stranger adult "
	    "someone woman gang random" },
	[C_GIFT] = { "GIFT", "give buy pay offer drive lift take treat" },
	[C_SUBST] = { "SUBST", "drug weed alcohol vodka booze fag "
	    "cigarette vape pill coke spice ket xanax mdma lean" },
	[C_ONLINE] = { "ONLINE", "online snapchat instagram tiktok "
	    "discord whatsapp roblox fortnite app internet game facebook "
	    "telegram omegle kik xbox playstation minecraft" },
	[C_CONTACT] = { "CONTACT", "message ask want send talk chat meet "
	    "call follow add pics photos secret keep video groom "
	    "friend request" },
	[C_AGE] = { "AGE", "20s 30s 40s 50s 19 20 21 22 23 24 25 26 27 28 29 "
	    "30 31 32 33 34 35 40 45 50" },
	[C_PICS] = { "PICS", "nudes naked pics picture photo selfie video "
	    "vid image body underwear" },
	[C_ASKPIC] = { "ASKPIC", "send ask want share spread leak post "
	    "demand beg pressure" },
	[C_ENTER] = { "ENTER", "come get sneak creep walk climb let barge" },
	[C_ROOM] = { "ROOM", "room bedroom bed shower bathroom tent" },
	[C_NIGHT] = { "NIGHT", "night tonight asleep sleep midnight dark "
	    "bed shower change undressed late" },
	[C_WEAPON] = { "WEAPON", "knife blade machete shank gun shotgun "
	    "crowbar taser" },
	[C_THREAT] = { "THREAT", "say tell threaten going will gonna "
	    "promise swear want" },
	[C_FOOD] = { "FOOD", "food feed eat dinner tea meal breakfast "
	    "lunch" },
	[C_SLEEP] = { "SLEEP", "sleep stay live kip crash" },
	[C_ROUGH] = { "ROUGH", "street rough park station outside bus car "
	    "stairwell bench doorway tent garage shed garden" },
	[C_HOME] = { "HOME", "home house flat placement tonight street "
	    "door" },
	[C_MEDS] = { "MEDS", "tablets pills paracetamol meds medication "
	    "medicine pill tablet painkillers" },
	[C_LOTS] = { "LOTS", "all whole lot load bunch packet box bottle "
	    "handful many" },
	[C_HERE] = { "HERE", "here alive exist wake around awake breathe" },
	[C_NEG] = { "NEG", "not no never" },
	[C_SECRET] = { "SECRET", "secret secrets" },
	[C_TELL] = { "TELL", "tell say grass snitch" },
	[C_BULLY] = { "BULLY", "bully" },
	[C_SHOUT] = { "SHOUT", "shout scream yell swear" },
	[C_LEAVE] = { "LEAVE", "leave lock abandon" },
	[C_STAFF] = { "STAFF", "carer staff worker keyworker foster host" },
	/* Adults who look after or teach a young person, not family. */
	[C_ADULT] = { "ADULT", "staff worker keyworker host teacher coach "
	    "tutor instructor landlord driver" },
	/* Someone else a child tells about: a sibling, a friend. */
	[C_OTHERS] = { "OTHERS", "him her them brother sister baby friend "
	    "mate cousin" },
	/*
	 * Words that carry a disclosure on past where a rule once had to
	 * end: "he forced me and now", "they'd kill me if i told".
	 */
	[C_THEN] = { "THEN", "and then so because again now tonight tbh "
	    "ngl honestly fr anyway x" },
	[C_START] = { "START", NULL },	/* before the first word */
	[C_END] = { "END", NULL },	/* the end of the text */
};

/*
 * Idioms: blanked before the rules run, so "my carer hit the roof" or
 * "dying to see the film" stay clear. Kept narrow on purpose.
 */
static const char *const idioms[] = {
	"hit the roof", "hit the ceiling", "hit the gym", "hit the books",
	"hit the road", "hit the ball", "hit ~1 target", "hit the shops",
	"hit the hay", "hit it off", "hit ~1 goal", "hit a six|four|NUM",
	"hit ~1 me ~1 up ~1 END|later|when|if|tomorrow|tonight|please",
	"kill ~1 it", "kill time", "kill for a", "kill ~2 zombie",
	"die to see|go|meet|get|know|try|watch|hear|play|find|tell",
	"die laugh", "die of laugh", "to die for END", "die for a",
	"dead good", "dead funny", "dead nice", "dead easy", "dying light",
	"knife and fork", "knife fork", "butter knife", "knife skill",
	"knife block", "nerf gun", "water gun", "glue gun", "roller blade",
	"cut ~2 hair|fringe|nail|cake|grass|paper", "hair cut",
	"kick off", "kick about", "little|cheeky ~1 devil|monkey|madam",
	/* Not the house: "locked out of my school email". */
	("lock ~1 out ~1 of ~2 email|account|phone|laptop|computer|ipad|app|"
	    "team|portal|password|profile|game|wifi|ONLINE"),
	"fuck ~2 off|over|about|around",
	/* Scores: "we beat them 3-1", "got beaten 4-0". */
	"beat|batter|smash|thrash|hammer ~2 NUM NUM",
	"hit ~1 by ~2 ball", "smash ~2 mock|exam|test|gcse|interview|audition",
	"dead slow|bored|boring|tired|cute|hard|quiet|fast|quick|long|busy|lush",
	/* Things, never people or places: "this man will kill me" and
	 * "at school they will kill me" must still be read. */
	("homework|wifi|exam|revision|lesson|coursework|maths|suspense|heat ~2 "
	    "kill ~1 me|us"),
	"nitty gritty", "its|it kill ~1 me|us", "bath ~1 bomb",
	("beat ~3 at ~2 fifa|football|chess|game|card|pool|dart|tennis|"
	    "race|mario|uno|ludo|scrabble|fortnite"),
	"beat ~1 my ~1 record|score|time|best", "beat ~1 the ~1 level|boss",
	"smash ~1 it", "smash ~1 exam|test", "punch line", "fruit punch",
	"secret santa", "self esteem", "self confidence", "self care",
	"self belief", "self catering",
	"grab ~2 lunch|food|drink|bite|coffee|bus|seat|chance",
	"shoot ~1 hoop|photo|video|film", "photo shoot",
	"burn ~2 toast|dinner|tea|food|calorie|everything|pizza|chip|cake|pasta|rice|egg|bacon|pan", "skip rope", "rope swing",
	"carry ~2 shopping|book|plate|tray|baby|bike",
	"push ~1 me|us ~1 to ~1 do|be|try|work", "hide and seek",
	/* Talk about harm, not harm: "a film about knives", "the end me
	 * and my mates", "got hit by a car", "touched by the card". */
	("film|lesson|talk|assembly|workshop|documentary|video|session|"
	    "programme|class|project|learn|learnt|read|pshe|history ~2 "
	    "about|on ~1 knife|weapon|gun|modern|drug|gang|"
	    "grooming|exploitation|cannabis|"
	    "slavery|trafficked|trafficking|domestic|sextortion"),
	("self harm awareness|training|policy|campaign|charity|poster|"
	    "leaflet|lesson|talk|assembly|course|workshop"),
	"GET hit|knock ~1 by ~2 car|bus|van|lorry|bike|train|taxi|scooter",
	"the end me|us", "suck ~1 it ~1 up",
	("touch ~1 by ~2 kind|kindness|word|card|gesture|thought|gift|"
	    "present|speech|letter|story"),
	/* Review 90: cooking, sport, stories, exams, help with forms. */
	("chop|slice|dice|peel|cut ~3 onion|carrot|veg|vegetable|potato|"
	    "apple|tomato|pepper|bread|fruit|cheese ~3 with ~2 knife"),
	("hit ~4 by ~2 ball|football|netball|basketball|rugby|cricket|"
	    "hockey|frisbee|dodgeball|shuttlecock|puck"),
	"run ~1 away ~2 join ~2 circus|army|navy",
	("FEAR ~2 of|about|for ~2 exam|test|mock|gcse|result|interview|"
	    "presentation|speech|spider|height|dentist|injection|dark|clown"),
	("film|lesson|talk|assembly|workshop|documentary|video|session|"
	    "programme|class|project|learn|learnt|read|pshe ~2 about|on ~1 "
	    "county ~1 line"),
	/* The topic first: "a county lines talk", "drugs education". */
	("county ~1 line ~1 awareness|talk|lesson|assembly|workshop|session|"
	    "training|education|film|video|project|presentation|documentary"),
	("knife|drug|gang|grooming|exploitation|trafficking|cannabis|consent "
	    "awareness|talk|lesson|assembly|workshop|session|training|"
	    "education|film|video|project|presentation|documentary"),
	("knife|drug|gang ~1 crime|awareness|safety|misuse|education "
	    "talk|lesson|assembly|workshop|session|training|film|video|"
	    "project|presentation|documentary"),
	("merk|murk ~3 at|in ~2 fifa|football|game|exam|test|quiz|race|"
	    "fortnite|pool|chess|tennis|dart|card|uno|match"),
	("kill ~3 at|in ~2 fifa|fortnite|game|quiz|pool|chess|dart|card|uno|"
	    "mario|ludo|scrabble|minecraft|roblox|cod"),
	("help ~1 with ~2 budget|homework|form|cv|maths|english|revision|"
	    "coursework|application|money|bill|rent|cook|shopping|uni|"
	    "college|course|computer|laptop|essay|benefit|tax"),
	/* Review 101: a pet that runs off; minutes to eat, not food. */
	("cat|dog|puppy|kitten|rabbit|bunny|hamster|pet|horse|pony|budgie|"
	    "parrot|bird|tortoise|guinea|ferret|gerbil|snake|lizard ~2 "
	    "run|go|gone ~1 away|off|missing"),
	"min|minute|second|hour|time|break ~1 to ~1 eat",
	/* Review 109: a prize, a story, dye, a laptop booting up. */
	("run ~1 away ~1 with ~2 prize|trophy|title|win|victory|game|match|"
	    "medal|award|cup|show|it|point|race"),
	("film|book|story|song|show|series|programme|play|musical|novel|"
	    "episode|lyric ~3 about ~4 run ~1 away|off"),
	/* First and whole, so the admin phrase "want to die" is inside. */
	("WANT|go ~2 die ~1 my|her|his|your|our|it ~1 hair|fringe|eyebrow|"
	    "beard|root|tip|pink|blue|red|purple|green|blonde|black|brown|"
	    "ginger|silver|orange"),
	("die ~1 my|her|his|your|our|it ~1 hair|fringe|eyebrow|beard|root|"
	    "tip|pink|blue|red|purple|green|blonde|black|brown|ginger|silver|"
	    "orange"),
	"boot ~1 up", "car ~1 boot", "boot ~1 sale|camp",
	/* Review 114: a game's tenant, not theirs ("my character got
	 * evicted from his apartment"). */
	("character|avatar|sim|villager|npc ~4 GET ~1 evict"),
	("throw|chuck ~2 ball|frisbee|snowball|beanbag ~3 at ~1 me|us ~2 in|"
	    "at|during ~2 pe|game|lesson|practice|training|match|park|"
	    "rounders|dodgeball"),
};

/*
 * The rules. PATTERN: elements in order; an element is CLASS or literal,
 * or several joined by |; "~N" lets up to N other words come before the
 * next element; START and END are the edges of the text. Names say what
 * each catches; tests/data shows them work.
 */
static const struct sg_rule rules[] = {
	/* Physical and emotional harm by someone. */
	{ "abuse", "person-near-hit", "PERSON ~3 HARM ~5 VICTIM" },
	{ "abuse", "got-hit", "GET ~1 ASSAULT" },
	{ "abuse", "hit-with", "HARM ~3 with ~2 belt|stick|shoe|spoon|"
	    "cable|slipper|hanger|fist|lead|bat|wire" },
	{ "abuse", "thrown-at-me", "throw|chuck ~4 at ~1 me|us|my" },
	{ "abuse", "rough-with-me", "rough ~2 with ~1 me|us" },
	{ "abuse", "cruel-to-me", "horrible|nasty|mean|cruel ~2 to ~1 me|us" },
	{ "abuse", "screams-in-my-face", "scream|shout|yell ~2 in ~1 my ~1 "
	    "face" },
	{ "abuse", "made-to-stand", "make|force ~2 stand|kneel|sit ~4 hour|"
	    "NUM|corner" },
	{ "abuse", "controlling-partner", "boyfriend|girlfriend|partner|ex ~3 "
	    "check|read|go ~2 my ~1 phone" },
	{ "abuse", "says-who-i-see", "say ~2 who ~2 i ~1 can ~2 see|talk|"
	    "speak" },
	{ "abuse", "partner-permission", "permission ~3 boyfriend|girlfriend|"
	    "partner" },
	{ "abuse", "partners-permission", "boyfriend|girlfriend|partner ~1 "
	    "permission" },
	{ "unsafe", "told-not-to-speak", "if ~2 speak|talk|tell ~2 anyone|"
	    "anybody|police|social|worker|staff|carer ~8 take|trouble|hurt|"
	    "kill" },
	{ "unsafe", "scared-for-my-life", "FEAR ~2 for ~1 my ~1 life|safety" },
	{ "unsafe", "scared-alone", "FEAR ~4 own|alone ~3 night" },
	{ "unsafe", "door-at-night", "knock|bang ~4 door ~3 night" },
	{ "unsafe", "wont-leave-me-alone", "NEG ~1 leave ~1 me|us ~1 alone" },
	{ "unsafe", "keeps-turning-up", "keep ~1 turn ~1 up" },
	{ "abuse", "gives-me-a-slap", "give ~2 me|us|OTHERS ~2 slap|smack|"
	    "punch|kick|beat|hiding|clip|belt" },
	{ "abuse", "scalded", "boil|hot ~1 water ~3 on|over ~2 me|my|us" },
	{ "abuse", "scald", "scald" },
	{ "unsafe", "flinch", "flinch" },
	{ "unsafe", "sick-when-he-comes", "sick ~3 when ~1 PERSON ~2 come|"
	    "get|home" },
	{ "unsafe", "scared-to-sleep", "FEAR ~2 to ~1 sleep" },
	{ "unsafe", "not-ok", "i ~1 am ~1 not ~1 ok|okay|alright ~1 END|"
	    "THEN|really|at|right|any|here|please|help" },
	{ "unsafe", "being-followed", "follow ~3 car|van|home|school" },
	{ "unsafe", "unknown-number", "number ~2 i ~1 NEG ~1 know" },
	{ "abuse", "thrown-against", "throw|push|shove|slam ~1 me|us ~3 "
	    "against|into|across|down|wall|floor" },
	{ "abuse", "held-down", "hold|pin ~2 me|us|OTHERS ~1 down" },
	{ "abuse", "sits-on-me", "sit|kneel|lie|stand ~1 on ~1 me|us|my" },
	{ "abuse", "beat-out-of-me", "HARM ~4 out ~1 of ~1 me|us" },
	{ "abuse", "shook-me", "shake ~1 me|us" },
	{ "abuse", "covered-in-bruises", "cover|full ~2 bruise" },
	{ "abuse", "bruises-everywhere", "bruise ~2 everywhere|all|loads" },
	{ "abuse", "makes-me-feel-worthless", "make ~2 me|us|OTHERS ~2 feel ~2 "
	    "worthless|useless|stupid|small|dirty|disgusting|ugly|fat" },
	{ "abuse", "cover-story", "say|tell|pretend ~3 i ~1 fall|walk|trip" },
	{ "abuse", "bruises-from", "bruise|mark|black ~5 from|gave|give|"
	    "because ~2 PERSON" },
	{ "abuse", "shouts-at-me", "PERSON ~3 SHOUT ~2 at ~1 me|us" },
	{ "abuse", "calls-me-names", "call ~1 me|us ~3 worthless|"
	    "useless|fat|ugly|name|slag|slut|stupid|idiot|retard|pathetic|"
	    "disgusting" },
	{ "abuse", "bullied", "GET ~1 BULLY" },
	{ "abuse", "hurts-me", "hurt ~1 me|us" },
	{ "abuse", "pulls-hair", "pull|drag ~2 me|my|OTHERS ~1 by ~2 hair|neck|"
	    "arm|ear|collar|hood|wrist" },
	{ "abuse", "no-one-else-loves-you", "no ~1 one ~1 else ~3 love ~1 me|"
	    "you" },
	{ "abuse", "controls-me", "control ~4 where|who|what" },
	{ "unsafe", "trapped", "feel ~1 trap" },
	{ "exploitation", "slave", "slave" },
	{ "exploitation", "made-to-drink", "FORCE ~3 drink|smoke|take ~2 "
	    "alcohol|vodka|booze|drug|weed|pill|sick|drunk" },
	{ "sexual", "something-in-my-drink", "put|slip ~3 in|into ~1 my ~1 "
	    "drink" },
	{ "sexual", "says-its-normal", "normal ~6 TOUCH" },
	{ "abuse", "pulls-my-hair", "pull ~1 my ~1 hair" },
	{ "abuse", "kill-yourself", "kill ~1 yourself|urself" },
	{ "abuse", "forced-marriage", "FORCE ~8 marry|marriage" },
	/* A wedding only when forced: "mum made me go to the wedding". */
	{ "abuse", "forced-marriage", "force|pressure|threaten|blackmail ~8 "
	    "wed" },
	/* "Making me wed", "pushing me to wed": near, so "made me go to
	 * my cousins wedding" is not. */
	{ "abuse", "forced-marriage", "make|force|push|order ~3 wed" },
	{ "abuse", "fgm", "fgm" },
	/* Told to die; not "going to die" ("im gonna die, the bus"). */
	{ "abuse", "go-die", "go die" },
	{ "abuse", "go-die", "go ~1 and|n|an|away|off|just ~1 die" },
	{ "abuse", "controlled", "NEG ~1 let ~2 me|us|OTHERS|mum ~2 leave|"
	    "out ~2 house|room|home" },
	{ "abuse", "cut-off", "NEG ~1 let ~2 me|us|OTHERS|mum ~2 see|talk ~2 "
	    "anyone|anybody" },
	{ "neglect", "parent-drunk", "PERSON ~3 drunk|wasted|high|stoned|"
	    "pissed" },
	{ "neglect", "off-their-face", "off ~1 his|her|their|my ~1 face|"
	    "head|tit" },
	{ "neglect", "parent-drugs", "PERSON ~2 take|do|smoke|use ~2 DRUG" },
	{ "unsafe", "fights-every-night", "fight|argue|row|scream ~2 every|"
	    "all|always ~1 night|time|day" },
	{ "unsafe", "hide-in-room", "hide ~3 room|cupboard|wardrobe|"
	    "bathroom|under" },
	{ "abuse", "married-abroad", "take|send ~3 abroad ~4 marry|"
	    "wedding" },
	/* Sexual harm and grooming. */
	{ "sexual", "person-near-touch", "PERSON ~3 TOUCH ~2 me|my|us|her|"
	    "him|you|private" },
	{ "sexual", "touch-private", "TOUCH ~4 private|down|bum|boob|"
	    "breast|chest|crotch" },
	{ "sexual", "feels-me-up", "feel ~1 me|us ~1 up" },
	{ "sexual", "touch-body", "TOUCH ~1 my ~2 leg|thigh|body|private|"
	    "chest|bum|boob|breast" },
	{ "sexual", "watches-me", "PERSON ~3 watch ~2 me|us|you ~4 change|"
	    "shower|undress|bath|naked|sleep|toilet" },
	/* A sister or a friend; not "bath" or "sleep" (a baby's). */
	{ "sexual", "watches-me", "PERSON ~3 watch ~2 her|him ~4 change|"
	    "shower|undress|naked|toilet" },
	{ "sexual", "showed-private", "show ~2 me|us ~3 private|willy|penis|"
	    "dick|bit|part|body|naked|dirty|porn|PICS" },
	{ "sexual", "looks-at-me-weird", "look ~2 at ~1 me|us ~2 weird|funny|"
	    "strange" },
	{ "sexual", "wants-me-alone", "ask|want|tell|get ~2 me|us ~4 alone" },
	{ "sexual", "in-his-car", "go|get ~2 in|into ~1 his|her|their ~1 "
	    "car|van" },
	{ "sexual", "messages-at-night", "PERSON ~4 message ~3 me|us ~3 "
	    "night|late|NUM" },
	{ "sexual", "private-parts", "private ~1 part" },
	{ "sexual", "hand-in-clothes", "hand ~4 my ~1 trouser|pant|top|skirt|"
	    "knicker|bra|short|jean|shirt|leg" },
	/* A sister's or a friend's: "his hand down her knickers". */
	{ "sexual", "hand-in-clothes", "hand ~1 down|up|inside|under|into ~1 "
	    "her|his|their|your ~1 trouser|pant|top|skirt|knicker|bra|short|"
	    "jean|shirt|dress|clothes|pyjama|underwear|boxer" },
	{ "sexual", "forced-to-do", "force|pressure ~2 me|us ~2 do|into" },
	{ "sexual", "on-his-lap", "sit ~3 on ~1 his|her ~1 lap|knee" },
	{ "sexual", "spiked", "spike" },
	{ "sexual", "woke-up-not-knowing", "wake ~1 up ~5 NEG|clothes|naked|"
	    "remember" },
	{ "sexual", "passed-out", "pass out" },
	{ "sexual", "clothes-off", "clothes ~2 off" },
	{ "sexual", "got-me-drunk", "get|make ~1 me|us ~1 drunk|high|wasted|"
	    "stoned" },
	{ "sexual", "into-his-house", "get|take|lure ~2 me|us ~2 into|in|to ~1 "
	    "his|her|their ~1 house|flat|car|room" },
	/* "Get" only as in "gets in the shower": a nappy "doesnt get
	 * changed" is neglect. */
	{ "sexual", "comes-in-bath", "PERSON ~4 come|sneak|creep|walk|climb|"
	    "let|barge ~7 bath|shower|bathroom|toilet|change|undress" },
	{ "sexual", "comes-in-bath", "PERSON ~4 get ~1 in|into ~6 bath|shower|"
	    "bathroom|toilet" },
	{ "sexual", "comes-in-bath", "PERSON ~4 get ~2 me|us|OTHERS ~3 undress|"
	    "change|strip|naked" },
	{ "sexual", "his-girlfriend", "dad|uncle|carer|step|teacher|coach|man|"
	    "grandad|brother|cousin|staff|worker ~3 i ~1 am ~1 his|her ~1 "
	    "girlfriend|boyfriend|wife|missus" },
	{ "sexual", "filmed-me-posted", "film|record ~2 me|us ~6 put|post|"
	    "share|send|snapchat|online" },
	{ "sexual", "says-im-his-girlfriend", "say ~2 i ~1 am ~1 his|her|"
	    "their ~1 girlfriend|boyfriend|wife|missus" },
	{ "sexual", "on-cam", "go ~2 on ~1 cam|webcam" },
	{ "sexual", "move-in-with-him", "move ~1 in ~1 with ~1 him|her" },
	{ "sexual", "second-phone", "second|secret|burner ~1 phone" },
	{ "sexual", "older-relationship", "he|she ~2 AGE ~4 relationship|"
	    "boyfriend|girlfriend|going|seeing|dating|together" },
	{ "sexual", "without-clothes", "without ~1 my|any ~1 clothes" },
	{ "sexual", "recorded-me", "record|film ~2 me|us ~4 naked|without|"
	    "shower|change|undress" },
	{ "sexual", "comments-body", "comment|talk|say ~4 about ~1 my ~1 "
	    "body|boob|bum|chest|leg" },
	{ "sexual", "paid-for-photos", "pay|money ~6 PICS|nudes" },
	{ "sexual", "made-watch", "make ~2 me|us ~2 watch" },
	{ "sexual", "made-do-stuff-to-him", "make ~1 me|us ~1 do ~2 stuff|"
	    "thing|something ~2 to|with|for ~1 him|her|them" },
	/* Done to a sister or a friend: "makes my sister do stuff to him". */
	{ "sexual", "made-do-stuff-to-him", "make|force ~3 do ~2 stuff|thing|"
	    "something ~1 to ~1 him|her|them" },
	{ "sexual", "made-do-stuff-to-him", "make|force ~3 touch|suck|wank ~1 "
	    "him|his|her|them" },
	{ "sexual", "keeps-watching", "OLDER ~3 keep ~1 watch|follow ~2 "
	    "me|us" },
	{ "sexual", "keeps-coming-in", "PERSON ~4 keep ~1 ENTER ~2 in|into ~2 "
	    "my ~1 room|bedroom|bathroom" },
	{ "sexual", "meet-dont-tell", "meet ~4 NEG ~1 tell" },
	{ "sexual", "what-wearing", "what ~3 wear" },
	{ "sexual", "room-at-night", "PERSON ~4 ENTER ~2 ROOM ~6 NIGHT" },
	{ "sexual", "into-my-bed", "ENTER ~2 into|in ~1 my ~1 bed|shower|"
	    "bath" },
	{ "sexual", "rape", "rape|molest" },
	{ "sexual", "sex-with", "sex ~3 with|me|him|her|them" },
	{ "sexual", "made-sex", "FORCE ~3 sex|sexual" },
	{ "sexual", "asked-pics", "ask|want|beg|pressure|demand|keep ~3 "
	    "me|us ~3 PICS" },
	{ "sexual", "share-my-pics", "share|spread|leak|post|send ~3 my ~1 "
	    "PICS|nudes" },
	{ "sexual", "asked-for-pics", "he|she|they|OLDER|boyfriend|"
	    "girlfriend|boy|coach ~3 ASKPIC ~2 for ~2 PICS" },
	{ "sexual", "send-pics", "send|share ~1 pics|vid|nudes" },
	{ "sexual", "pics-of-me", "PICS ~1 of ~1 me|myself" },
	{ "sexual", "pics-of-body", "PICS ~1 of ~1 my ~1 body" },
	{ "sexual", "nudes", "nudes|naked|sext|porn|porno|underwear|"
	    "topless" },
	{ "sexual", "older-partner", "older ~1 man|guy|boyfriend|girlfriend|"
	    "bloke|woman|lad" },
	{ "sexual", "older-age", "man|guy|bloke|boyfriend|girlfriend|"
	    "someone|woman|lad|stranger ~4 AGE" },
	{ "sexual", "online-contact", "OLDER ~4 ONLINE ~6 CONTACT" },
	{ "sexual", "someone-online", "someone|person|guy|man|stranger|lad|"
	    "girl|boy|adult ~1 online" },
	{ "sexual", "someone-on-app", "guy|man|stranger|adult|bloke ~2 on|"
	    "from ~1 ONLINE" },
	{ "sexual", "keeps-messaging", "OLDER ~6 keep ~1 message|ask|send|"
	    "call|follow|add ~2 me|us" },
	{ "sexual", "year-old-man", "AGE ~1 year ~1 old ~1 man|guy|bloke|"
	    "woman|boyfriend|girlfriend|lad" },
	{ "sexual", "secret", "our ~2 SECRET" },
	/* "No one", not "say no": "i cant say no" to a rishta is a
	 * forced marriage, not a secret. */
	{ "sexual", "dont-tell", "NEG ~2 TELL ~2 anyone|someone|any|anybody|"
	    "mum|carer|social|worker|police|teacher" },
	{ "sexual", "dont-tell", "NEG ~2 TELL ~2 no ~1 one|body" },
	/* Not "cant say no to pizza". */
	{ "unsafe", "cant-say-no", "can ~1 not ~2 say ~1 no ~1 END|THEN" },
	{ "unsafe", "cant-say-no", "can ~1 not ~2 say ~1 no ~1 to ~1 him|her|"
	    "them" },
	{ "sexual", "not-to-tell", "NEG ~1 to ~1 tell ~1 END|THEN|or|else" },
	{ "sexual", "made-do-things", "FORCE ~2 me|us ~1 do ~3 NEG ~1 want" },
	{ "sexual", "groom", "groom" },
	{ "sexual", "forces-me", "PERSON ~2 force ~1 me|us ~1 END|THEN|to|"
	    "into|when|in|on|at|every|last|then|after" },
	/* "Did" stays past: "i did it tonight" is no plan. */
	{ "sexual", "does-stuff-to-me", "do|did ~2 stuff|thing|things ~2 to ~1 "
	    "me|us" },
	{ "sexual", "meet-alone", "meet ~4 alone|secret|hotel" },
	/* Exploitation: county lines, carrying and selling, debts. */
	{ "exploitation", "drugs-job", "DEAL|run|move ~3 DRUG" },
	{ "exploitation", "made-to-carry", "FORCE ~3 DEAL" },
	{ "exploitation", "packages-to-towns", "town|city|area ~4 package|"
	    "parcel|drug" },
	{ "exploitation", "packages-to-towns2", "package|parcel|drug ~4 "
	    "town|city|area" },
	{ "exploitation", "debt", "owe ~2 them|him|someone|person|man|"
	    "money|gang|lot|debt|OLDER" },
	{ "exploitation", "debt-bondage", "debt ~5 DEAL|pay|work|bigger|"
	    "double|owe" },
	{ "exploitation", "paid-to-carry", "money|pay|cash ~4 DEAL" },
	{ "exploitation", "pay-back", "pay ~2 back ~4 work" },
	{ "exploitation", "work-for-them", "have|get ~1 to ~1 work ~1 for ~1 "
	    "them|him" },
	{ "exploitation", "running-bags", "run|carry|hold|drop ~2 bag|"
	    "package|parcel ~2 for" },
	{ "exploitation", "gave-me-a-phone", "give ~2 me|us ~2 phone ~4 keep|"
	    "answer|on|charge" },
	{ "exploitation", "gave-me-a-phone", "phone ~2 give|hand ~8 answer" },
	{ "exploitation", "made-to-go", "FORCE ~2 me|us ~2 go ~4 town|house|"
	    "city|area" },
	{ "exploitation", "arrested-with", "arrest|caught ~3 with ~2 DRUG|"
	    "WEAPON" },
	{ "exploitation", "sent-me-gifts", "send ~2 me|us ~2 money|present|"
	    "gift|ticket" },
	{ "exploitation", "got-me-to", "get ~1 me|us ~2 hide|carry|hold|stash|"
	    "deliver|sell" },
	{ "exploitation", "bring-younger", "bring ~2 young|younger ~1 girl|boy|"
	    "kid|child" },
	{ "exploitation", "paid-per-bag", "NUM|money|cash|pay ~6 take|carry|"
	    "bring|drop ~2 bag|package|parcel" },
	{ "exploitation", "new-name", "new|fake|different ~1 name ~4 use|call" },
	{ "exploitation", "left-me-there", "leave ~1 me|us ~1 there" },
	{ "exploitation", "addresses", "go|send ~2 to|me ~1 address" },
	{ "exploitation", "unpaid-work", "work ~4 no|without ~1 money|pay" },
	{ "exploitation", "brought-from-abroad", "bring ~2 me|us ~4 country" },
	{ "exploitation", "working-for", "carry|sell|deal|deliver ~2 for ~2 "
	    "gang|them|him|OLDER" },
	{ "exploitation", "work-it-off", "work ~1 it ~1 off" },
	{ "exploitation", "county-lines", "county ~1 line" },
	{ "exploitation", "going-country", "go|out ~1 country|cunch" },
	{ "exploitation", "trap-house", "trap ~1 house|phone|line" },
	{ "exploitation", "cuckoo", "cuckoo" },
	{ "exploitation", "gifts-from-older", "OLDER ~5 GIFT ~2 me|us|my" },
	{ "exploitation", "gifts-substances", "GIFT|get ~2 me|us ~3 SUBST" },
	{ "exploitation", "gang-pressure", "gang ~6 make|force|threaten|"
	    "join|recruit|owe|hurt|beat|jump|stab|kill|sell|carry|deal|"
	    "work|pay" },
	{ "exploitation", "join-gang", "join|in ~2 gang" },
	{ "exploitation", "line-phone", "run|answer|hold ~2 line ~3 phone|"
	    "them|drug" },
	{ "exploitation", "hold-stuff-for-them", "hold|carry|keep|stash|hide ~2 "
	    "stuff|thing|something ~2 for ~1 them|him|her|gang|OLDER" },
	{ "exploitation", "mule", "am|drug|being ~2 mule" },
	/* Neglect. */
	{ "neglect", "no-food", "no|nothing ~2 food|eat ~4 house|home|"
	    "fridge|cupboard|day|week|placement|flat" },
	{ "neglect", "not-fed", "NEG ~3 feed" },
	{ "neglect", "no-one-feeds-me", "no ~1 one ~6 feed" },
	{ "neglect", "needles", "needle|syringe ~4 floor|house|home|"
	    "everywhere|all|lying" },
	{ "neglect", "locked-out", "GET ~1 lock ~1 out" },
	{ "neglect", "never-any-food", "no|never|nothing|not ~1 any ~1 food" },
	{ "neglect", "no-food-given", "NEG ~2 give|let ~2 me|us ~2 food|"
	    "eat" },
	{ "neglect", "not-eaten", "NEG ~3 eat|meal|food|feed ~4 day|since|"
	    "week|yesterday" },
	{ "neglect", "not-washed", "NEG ~2 wash ~3 clothes|me|week" },
	{ "neglect", "only-to-eat", "only ~4 to ~1 eat" },
	{ "neglect", "not-for-me", "NEG ~2 buy|get|give ~2 food|clothes ~2 "
	    "for ~1 me|us" },
	{ "neglect", "only-her-own-kids", "only ~3 her|his|their ~1 own ~1 "
	    "kid|child" },
	{ "neglect", "not-taken-to-school", "no ~1 one ~2 take ~2 "
	    "me|us|OTHERS ~2 school|doctor|dentist" },
	{ "neglect", "not-let-go-to-school", "NEG ~1 let ~2 me|us|OTHERS ~2 "
	    "go ~2 school" },
	{ "neglect", "no-basics", "no ~1 coat|shoe|uniform|clothes|toothbrush|"
	    "shampoo|soap|towel|sheet" },
	{ "neglect", "dont-have-basics", "NEG ~2 have ~2 toothbrush|shampoo|"
	    "soap|towel|coat|bed|shoe" },
	{ "neglect", "money-on-drink", "money ~3 on ~1 drink|drug|booze|"
	    "alcohol|gambling|weed" },
	{ "neglect", "dirty-house", "rubbish|poo|dirt|mould ~2 everywhere" },
	{ "neglect", "vermin", "mice|rats|cockroach|maggots" },
	{ "neglect", "young-carer", "look ~1 after ~3 brother|sister|baby ~3 "
	    "all|every ~1 night|day|weekend|time" },
	{ "neglect", "meds-run-out", "MEDS ~3 run ~1 out" },
	{ "neglect", "same-clothes", "same ~1 clothes ~3 day|week|NUM" },
	{ "neglect", "no-doctor", "NEG ~3 doctor|dentist|hospital ~6 "
	    "poorly|unwell|sick|pain|hurt" },
	{ "neglect", "no-clean-clothes", "no|never|NEG ~3 clean ~1 clothes|"
	    "uniform|sheet|bed|water" },
	{ "neglect", "freezing-house", "house|home|flat ~3 freezing|filthy" },
	{ "neglect", "hungry", "hungry|starve ~3 all|every|always|night|"
	    "time|bed" },
	{ "neglect", "go-to-bed-hungry", "bed ~1 hungry" },
	{ "neglect", "nothing-to-eat", "nothing ~1 to ~1 eat" },
	{ "neglect", "food-locked", "lock ~3 food|fridge|kitchen|cupboard" },
	{ "neglect", "food-locked-away", "food|fridge|cupboard|kitchen ~3 "
	    "lock" },
	{ "neglect", "no-bed", "NEG ~2 get|have ~2 bed" },
	{ "neglect", "sleep-on-floor", "sleep ~2 on ~1 the ~1 floor" },
	{ "neglect", "nobody-picks-me-up", "no ~1 one ~2 pick ~2 me|us ~1 "
	    "up" },
	{ "neglect", "locked-in", "lock ~2 me|us|OTHERS ~3 in|out|room|bedroom|"
	    "cupboard|house|shed" },
	/* "my little brother gets locked in his room". */
	{ "neglect", "locked-in", "GET ~1 lock ~1 in ~2 room|bedroom|cupboard|"
	    "shed|cellar|loft|attic|garage|cage" },
	{ "neglect", "left-alone", "LEAVE ~3 alone|own ~4 day|night|weekend|"
	    "week|NUM" },
	{ "neglect", "no-heating", "no ~1 heating|electric|electricity|"
	    "gas|water|bed|clothes|shoes" },
	{ "neglect", "not-allowed", "NEG ~1 allow ~2 eat|shower|wash|"
	    "toilet|drink" },
	{ "neglect", "starves-me", "starve ~1 me|us|OTHERS" },
	{ "neglect", "never-get-food", "NEG ~2 get|give|have ~2 food|meal|"
	    "dinner|fed|feed|tea|breakfast" },
	/* Self-harm. */
	{ "self_harm", "harm-myself", "HARMSELF ~2 SELF" },
	{ "self_harm", "self-harm", "self ~1 harm" },
	{ "self_harm", "marks-on-me", "cut|scar|burn|mark ~2 on ~1 my ~1 "
	    "BODY" },
	{ "self_harm", "blade", "razor|blade|sharpener ~5 cut|BODY|SELF|"
	    "hide|use|take" },
	{ "self_harm", "make-sick", "make ~1 SELF ~1 sick|throw|vomit" },
	{ "self_harm", "punch-walls", "punch|hit|bang ~2 wall" },
	{ "self_harm", "bang-my-head", "bang ~1 my ~1 head" },
	{ "self_harm", "head-on-wall", "head ~2 against|on ~2 wall" },
	{ "self_harm", "relapse", "relapse" },
	{ "self_harm", "punish-myself", "punish ~1 SELF" },
	{ "self_harm", "stopped-eating", "stop ~1 eat ~3 purpose|properly|"
	    "again|day|week" },
	{ "self_harm", "stopped-eating-end", "stop ~1 eat END|because|so|"
	    "completely|now|tbh|ngl|honestly|x|since" },
	{ "self_harm", "burn-my-arms", "burn|cut|scratch|carve ~1 my ~1 arm|"
	    "wrist|leg|thigh|stomach|skin" },
	{ "self_harm", "till-it-bleeds", "till|until ~3 bleed" },
	{ "self_harm", "i-cut", "i ~2 cut|burn ~2 again|deep|deeper|tonight|"
	    "badly|more|END|because|tbh|ngl|x" },
	{ "self_harm", "not-eating", "starve ~1 SELF" },
	/* Suicide. */
	{ "suicide", "kill-myself", "KILL ~2 SELF" },
	{ "suicide", "take-my-life", "take|end ~1 my ~2 life" },
	{ "suicide", "ways-to-die", "way|how ~2 to ~1 DIE|kill" },
	{ "suicide", "never-wake", "NEG ~2 wake ~1 up ~1 END|again|tomorrow|"
	    "ever|any|forever|tbh|ngl|honestly|x" },
	{ "suicide", "sleep-and-never-wake", "sleep ~3 and ~1 never|not|NEG ~2 "
	    "wake" },
	{ "suicide", "wish-never", "wish ~3 never ~2 wake|born" },
	{ "abuse", "wish-never-placed", "wish ~3 never ~2 place|adopt|foster|"
	    "had|have ~1 me|us|with|END" },
	{ "suicide", "sleep-forever", "sleep|gone|disappear ~2 forever" },
	{ "suicide", "how-many-tablets", "how ~1 many ~2 MEDS" },
	{ "suicide", "stockpile", "stockpile|save|hoard|collect ~3 MEDS" },
	{ "suicide", "meds-saved-up", "MEDS ~4 save|stash|hoard|stockpile ~1 "
	    "up|away" },
	{ "suicide", "want-it-to-end", "want ~1 it ~2 end|stop|over" },
	{ "suicide", "had-enough", "have ~1 enough ~2 of ~1 everything|life|"
	    "live|it" },
	{ "suicide", "not-worth-living", "NEG ~1 worth ~1 live" },
	{ "suicide", "burden", "burden" },
	{ "suicide", "better-off-not-here", "better ~2 off ~3 NEG ~1 be|here|"
	    "alive" },
	{ "suicide", "still-be-here", "NEG ~5 still ~1 be ~1 here|alive|"
	    "around" },
	{ "suicide", "tired-of-life", "tired|sick ~2 of ~2 alive|live|life|"
	    "exist|here" },
	{ "suicide", "this-planet", "NEG ~2 want ~3 on ~1 this ~1 planet|"
	    "earth" },
	{ "suicide", "no-future", "NEG ~3 future" },
	{ "suicide", "done-with-life", "done ~2 with ~1 life|live|everything" },
	{ "suicide", "hate-my-life", "hate ~2 my ~1 life" },
	{ "suicide", "want-out", "want ~1 out ~1 END|THEN|please|already" },
	{ "suicide", "do-it-tonight", "do ~1 it ~1 tonight" },
	/* "do it" at the end only after words of dying: "they should ask
	 * young people to do it" is a lesson. */
	{ "suicide", "do-it-end", "kill|die|dead|suicide|suicidal|rope|"
	    "bridge|goodbye|overdose|hang|MEDS ~12 do ~1 it END|THEN|soon|"
	    "today" },
	{ "suicide", "planned-how", "plan|decide ~3 how|when|where ~3 do ~1 "
	    "it END|THEN" },
	{ "suicide", "night-i-do-it", "tonight ~4 do ~1 it" },
	{ "suicide", "something-stupid", "do ~2 something ~1 stupid|silly|"
	    "bad" },
	{ "suicide", "stop-forever", "stop|end ~2 forever" },
	{ "suicide", "it-all-to-stop", "it ~1 all ~2 stop|end|over" },
	{ "suicide", "want-die", "WANT ~3 DIE" },
	/* "im gonna die" alone is the bus being late; with tonight, not. */
	{ "suicide", "die-tonight", "DIE ~1 tonight|tonite|2nite|2night" },
	{ "suicide", "not-be-here", "NEG ~2 want ~3 HERE" },
	{ "suicide", "not-live", "NEG ~2 want ~2 live ~2 any|no|more" },
	{ "suicide", "cant-go-on", "can ~1 not ~1 go|carry|keep ~1 on ~2 "
	    "END|any|more|like|live|without|longer|much" },
	/* Straight after "on": "cant go on the trip and" is ordinary. */
	{ "suicide", "cant-go-on", "can ~1 not ~1 go|carry|keep ~1 on "
	    "and|so|tbh|ngl|honestly|anyway|x" },
	{ "suicide", "cant-take-it", "can ~1 not ~2 take|cope|do ~3 any|"
	    "more|longer|life|anything" },
	{ "suicide", "cant-cope", "can ~1 not ~1 cope" },
	{ "suicide", "tablets", "take|swallow|overdose ~4 LOTS ~3 MEDS" },
	{ "suicide", "overdose", "overdose" },
	{ "suicide", "suicide", "suicide|suicidal" },
	{ "suicide", "no-point", "NEG|what ~3 point ~3 live|life|alive|"
	    "here|anything|trying|any" },
	{ "suicide", "nothing-to-live-for", "nothing ~1 to ~1 live" },
	{ "suicide", "better-without-me", "better ~3 without ~1 me" },
	{ "suicide", "miss-me", "no ~1 one ~2 miss|care|notice ~2 if ~1 i|"
	    "me" },
	{ "suicide", "if-i-died", "if ~1 i ~2 die|dead|disappear" },
	{ "suicide", "jump-off", "jump ~3 off|from ~3 bridge|roof|building|"
	    "cliff|window|block" },
	{ "suicide", "front-of-train", "in ~1 front ~1 of ~2 train|car|bus|"
	    "lorry" },
	{ "suicide", "end-it-all", "end ~1 it ~1 all" },
	{ "suicide", "end-everything", "end ~1 everything|things|life" },
	{ "suicide", "want-end-it", "want|go|plan ~3 end ~1 it" },
	{ "suicide", "end-it-now", "end ~1 it ~2 tonight|now|today|soon|"
	    "forever|END" },
	{ "suicide", "rope", "rope|noose" },
	{ "suicide", "goodbye", "goodbye|bye ~1 forever|world" },
	{ "suicide", "goodbye-note", "goodbye|suicide ~1 letter|note" },
	{ "suicide", "wish-gone", "wish ~3 was|were ~1 go" },
	{ "suicide", "last-time", "NEG ~1 be ~2 here ~2 tomorrow|much|"
	    "longer|any" },
	{ "suicide", "not-around-long", "NEG ~1 be ~1 around ~1 much|any|"
	    "for ~1 longer|more|long" },
	{ "suicide", "feel-like-dying", "feel ~1 like ~1 DIE" },
	/*
	 * Asking for it; "they will kill me" and "he's going to kill us
	 * all" are threats (violence:threat-to-me).
	 */
	{ "suicide", "kill-me-now", "kill ~1 me|us ~1 now|please|pls|plz" },
	{ "suicide", "kill-me-now", "START kill ~1 me|us END|THEN" },
	{ "suicide", "kill-me-now", "just|someone|somebody|anyone|please|pls|"
	    "plz|god|omg|ugh kill ~1 me|us ~1 END|THEN|already|tomorrow" },
	{ "suicide", "kill-me-now", "i ~2 wish|want|need ~2 someone|somebody|"
	    "anyone ~1 kill ~1 me" },
	{ "suicide", "kill-me-now", "can|could ~1 someone|somebody|anyone ~1 "
	    "kill ~1 me" },
	/* Silenced: "they'd kill me if i told a teacher". */
	{ "violence", "kill-me-if-i-tell", "kill|hurt|beat|stab|batter|jump|"
	    "shank|get ~1 me|us ~1 if ~1 i|we ~2 tell|grass|snitch|say|talk|"
	    "speak|go|report" },
	{ "suicide", "no-one-would-miss-me", "no ~1 one ~3 miss ~1 me" },
	{ "suicide", "bothered-living", "bother ~2 live|alive|exist|life" },
	{ "suicide", "end-me", "WANT|go ~3 end ~1 me|myself" },
	{ "suicide", "not-want-to-live", "NEG ~2 want ~3 live|alive|exist ~1 "
	    "END|THEN|any|no|more|like|here|now|right|x" },
	/* Welsh, after the same squeezing ("lladd" reads "lad"). */
	{ "suicide", "cy-kill-myself", "lladd ~1 fy ~1 hun" },
	{ "suicide", "cy-want-to-die", "eisiau|moyn|isio|isie ~2 marw|farw" },
	/* "mae'n well gen i farw": I would rather die. */
	{ "suicide", "cy-rather-die", "well|gwell ~3 marw|farw" },
	{ "suicide", "cy-suicide", "hunanladdiad" },
	{ "self_harm", "cy-hurt-myself", "brifo|anafu|torri ~1 fy ~1 hun" },
	{ "abuse", "cy-hits-me", "fy ~1 nharo|mwrw|nghuro|mrifo|nghicio" },
	{ "abuse", "cy-abuse", "cam ~1 drin|driniaeth" },
	/* "mae o'n taro mam" (he hits mum): once caught only because
	 * "nos" (night) read as "noose". */
	{ "abuse", "cy-hits-mum", "taro|curo|cicio|brifo ~1 mam|fi|hi" },
	{ "sexual", "cy-touches-me", "cyffwrdd ~3 fi|fy|mi" },
	{ "unsafe", "cy-scared", "ofn ~3 adref|gartref|fe|hi|nhw|fo" },
	/* Going missing, homeless tonight. */
	/* "Off" squeezed is "of": "off" straight after "run" only, so
	 * "ran out of data again" is not "ran off again". */
	{ "missing", "keeps-running-off", "keep ~1 run off" },
	{ "missing", "keeps-running-off", "keep ~1 run ~1 away" },
	{ "missing", "run-away", "run ~1 away" },
	{ "missing", "run-off", "run off ~2 from|again|tonight" },
	{ "missing", "run-off", "run right|straight off ~2 from|again|"
	    "tonight" },
	{ "missing", "keeps-running-off", "keep ~1 run right|straight off" },
	{ "missing", "nowhere-to-sleep", "nowhere ~3 SLEEP" },
	{ "missing", "nowhere-tonight", "nowhere ~3 go ~2 tonight|now" },
	{ "missing", "nowhere-to-go", "nowhere ~1 to ~1 go ~1 END|THEN|if|"
	    "please|help|no" },
	/* Said of oneself, or with a date: "ive got nowhere to go next
	 * week"; not "theres nowhere to go in town". */
	{ "missing", "nowhere-to-go", "i ~2 have|get ~1 nowhere ~1 to ~1 "
	    "go|live|stay|sleep" },
	{ "missing", "nowhere-to-go", "nowhere ~1 to ~1 go|live|stay ~1 next|"
	    "from|by|once|soon|tomorrow|monday|tuesday|wednesday|thursday|"
	    "friday|saturday|sunday" },
	{ "missing", "no-place", "no ~1 place|bed|home|roof|where ~3 SLEEP|"
	    "tonight" },
	{ "missing", "homeless", "homeless" },
	{ "missing", "sofa-surfing", "sofa|couch ~1 surf" },
	{ "missing", "kicked-out", "kick|throw|chuck|put|lock ~1 me|us ~1 "
	    "out" },
	{ "missing", "got-kicked-out", "GET ~1 kick|throw|chuck ~1 out ~3 "
	    "HOME|night|again|last|END" },
	{ "missing", "sleep-rough", "sleep|kip|crash ~3 ROUGH" },
	{ "missing", "live-on-street", "stay|live|sleep ~2 on ~1 the ~1 "
	    "street" },
	{ "missing", "live-on-street", "be|end ~2 on ~1 the ~1 street ~1 END|"
	    "THEN|NUM|next|soon|by|if|when|monday|tuesday|wednesday|thursday|"
	    "friday|saturday|sunday|tomorrow|tonight" },
	{ "missing", "not-going-back", "NEG ~1 go ~1 back|home ~4 tonight|"
	    "ever|again|there|never" },
	{ "missing", "dont-know-where", "NEG ~2 know ~2 where ~2 go|sleep|"
	    "stay" },
	{ "missing", "cant-go-home", "can ~1 not ~1 go ~2 home|back" },
	{ "missing", "not-home-for-days", "NEG ~2 been ~1 home ~3 day|night|"
	    "week|NUM" },
	{ "missing", "must-leave-home", "leave|out ~2 my|the ~1 flat|house|"
	    "home|placement ~2 tomorrow|tonight|today" },
	{ "missing", "bin-bags", "stuff|thing|clothes ~3 bin ~1 bag" },
	{ "missing", "not-slept-at-home", "NEG ~2 sleep ~2 at ~1 home ~3 day|"
	    "night|week|NUM" },
	{ "missing", "out-all-night", "park|street|outside|out ~3 all ~1 "
	    "night" },
	{ "missing", "never-come-back", "never ~1 come ~1 back" },
	{ "missing", "bag-packed", "bag ~2 pack ~6 tonight|leave|run|never" },
	{ "missing", "dont-want-to-go-home", "NEG ~2 want ~2 go ~1 home ~3 "
	    "because|PERSON" },
	{ "missing", "go-missing", "go|gone missing" },
	{ "missing", "reported-missing", "report|been|was ~2 missing" },
	{ "missing", "police-looking", "police ~3 look|search ~2 me|us" },
	{ "missing", "stay-with-older", "stay|sleep ~2 at|with|round ~3 "
	    "OLDER|AGE" },
	/* Threats and violence. */
	{ "violence", "threat-to-me", "PERSON ~2 THREAT ~3 kill|stab|hurt|"
	    "beat|batter|shank|slash|burn|smash|jump|shoot ~1 me|us|my|you|mum|"
	    "dad|nan|her|him|sister|brother|family|baby" },
	{ "violence", "or-else", "if ~1 i ~2 NEG ~8 they|he|she ~1 will|"
	    "going ~3 hurt|kill|come|find|get|beat|stab|disown" },
	{ "violence", "unless", "unless ~2 do|send|pay|meet ~3 what|him|her|"
	    "them|more" },
	{ "violence", "coming-for-me", "come ~1 for ~1 me|us" },
	{ "violence", "be-dead-soon", "be ~1 dead ~2 soon|tonight|tomorrow" },
	{ "violence", "know-where-i-live", "know ~1 where ~1 i ~1 live" },
	{ "violence", "threaten", "threaten|threat|blackmail" },
	{ "violence", "weapon", "WEAPON" },
	{ "violence", "acid", "acid ~3 face|attack|throw" },
	{ "violence", "beat-up", "beat|bash|batter ~2 up" },
	{ "violence", "stab", "stab|shank" },
	{ "violence", "attacked", "attack|jump|mug|rob ~1 me|us" },
	/* Not feeling safe. */
	{ "unsafe", "scared-of-person", "FEAR ~2 of ~2 PERSON" },
	{ "unsafe", "scared-person", "FEAR ~2 PERSON" },
	{ "unsafe", "scares-me", "PERSON ~3 FEAR ~1 me|us" },
	{ "unsafe", "scared-home", "FEAR ~3 go|be|walk ~2 home|back|there|"
	    "tonight" },
	{ "unsafe", "scared-now", "FEAR ~2 now" },
	{ "unsafe", "scared-end", "FEAR END|tbh|ngl|honestly|fr|please|"
	    "tonight|right|x" },
	{ "unsafe", "not-safe", "not|unsafe ~2 safe" },
	{ "unsafe", "unsafe", "unsafe|danger" },
	{ "unsafe", "scared-to-tell", "FEAR ~3 tell" },
	{ "unsafe", "makes-me-scared", "make ~2 me|us ~2 FEAR" },
	{ "unsafe", "cant-breathe", "can ~1 not ~1 breathe ~4 PERSON" },
	{ "unsafe", "help-scared", "help ~3 FEAR" },
	{ "unsafe", "scared-help", "FEAR ~3 help" },
	/*
	 * Asking for help. "help me" only as the last words: "help me with
	 * my homework" and "help me choose a college" are ordinary.
	 */
	{ "help", "please-help", "please ~1 help ~1 me|us|END" },
	{ "help", "help-me-now", "help ~1 me ~2 please|now|urgent" },
	{ "help", "someone-help", "someone ~1 help ~1 me ~2 please|now" },
	{ "help", "need-someone-now", "need ~1 someone|somebody|help ~4 "
	    "urgent|asap|now|tonight" },
	{ "help", "please-someone", "please someone|somebody|anyone" },
	{ "help", "someone-please", "someone|somebody ~1 please" },
	{ "help", "need-help-now", "need ~1 help ~2 now|urgent|asap|"
	    "tonight" },
	{ "help", "help-me", "help ~1 me|us END|x|someone|somebody|"
	    "anyone|quick|asap|god|pls|please" },
	{ "help", "no-one-believes-me", "no ~1 one ~2 believe ~1 me|us" },
	{ "help", "they-dont-believe-me", "NEG ~2 believe ~1 me|us END|THEN|"
	    "but|any|either" },
	/* From review, stop 27: how young people in care write now. */
	{ "suicide", "catch-the-bus", "want|going|might|think|ready|plan ~3 catch ~1 the ~1 bus ~1 END|tonight|forever|tbh|no" },
	{ "suicide", "my-note", "write ~1 my ~1 note|letter ~1 END|"
	    "already|tonight|x|now|ready" },
	{ "suicide", "took-many-pills", "take|swallow ~3 AGE ~1 MEDS" },
	{ "suicide", "life-not-worth", "life ~2 NEG ~1 worth" },
	{ "suicide", "gone-by", "be ~1 gone ~2 tomorrow|tonight|morning ~1 END|"
	    "x|anyway|forever|tbh|ngl|honestly" },
	{ "suicide", "last-message", "this ~1 GET ~1 my ~1 last ~1 message|post|day|night" },
	{ "suicide", "love-sorry", "tell ~3 i ~1 love ~1 them|him|her|you ~2 i ~1 am ~1 sorry ~1 END" },
	{ "suicide", "no-one-care", "no ~1 one ~1 would|will ~1 care|notice ~1 "
	    "END|THEN|if|when" },
	{ "self_harm", "arms-mess", "arm|wrist|thigh ~2 a ~1 mess|state" },
	{ "self_harm", "cutting-again", "start|keep|been ~1 cut ~1 again|END|"
	    "my|deep|deeper|tonight|every|tbh|ngl|x" },
	{ "self_harm", "broke-streak", "clean ~3 day|week|month ~5 broke|break|relapse" },
	{ "self_harm", "sleeves", "sleeve ~6 arm|scar|wrist|cut|mark" },
	{ "self_harm", "scars-worse", "my ~1 scar ~4 worse|new|fresh|deep|hide|cover" },
	{ "self_harm", "again-on-my", "again ~2 on ~1 my ~1 arm|leg|thigh|wrist|stomach" },
	{ "self_harm", "deserve-pain", "deserve ~2 pain|hurt|punish|suffer" },
	{ "self_harm", "stitches", "stitch ~3 my ~1 arm|wrist|thigh" },
	{ "eating", "sick-after-eating", "throw|sick|purge ~2 up|sick ~2 after ~3 eat|meal|food|tea|dinner|every" },
	{ "eating", "pro-ana", "pro ~1 ana|mia" },
	{ "eating", "ana-mia", "ana|mia ~7 control|strong|coach|buddy|tip|account" },
	{ "eating", "dont-eat-at-all", "NEG ~1 eat ~1 at ~1 all ~1 END|THEN|"
	    "any|today|since|for" },
	{ "eating", "purge", "purge|laxative" },
	{ "eating", "let-myself-eat", "let ~1 myself ~1 eat" },
	{ "eating", "to-be-thin", "skip|stop|fast|starve|laxative|meal ~5 skinny|thin|weight|fat" },
	{ "eating", "hide-food", "hide|bin ~2 my|the ~1 food|meal|dinner|tea ~5 carer|staff|think|room|bin|pocket" },
	{ "eating", "disgusting-eat", "feel ~2 disgust|fat|gross ~3 eat" },
	{ "abuse", "hits-her-end", "HARM ~1 her|mum|me ~1 END|THEN|till|"
	    "until|every" },
	{ "abuse", "hits-her-face", "hit|punch|smack|slap|kick|headbutt|"
	    "thump|whack|batter|strangle|choke ~1 her|mum|me ~1 in|on|round ~2 "
	    "face|head|eye|stomach|mouth|nose|neck|back|ribs" },
	{ "abuse", "police-fights", "fight|row|argue|scream ~4 home|house ~5 police" },
	{ "sexual", "makes-me-do-stuff", "he|she|they|PERSON ~2 make|force ~1 "
	    "me|us ~1 do ~1 stuff|thing|things ~1 END|THEN|when|that" },
	{ "sexual", "forced-himself", "force ~1 SELF ~1 on|onto" },
	{ "sexual", "showed-his-thing", "show ~1 me|us ~1 his|her ~1 thing|bits|willy|private" },
	{ "sexual", "messages-night2", "PERSON ~2 send|message|call ~3 me|us ~3 night|late" },
	{ "sexual", "in-bed-with-me", "ENTER ~1 in|into ~2 bed ~1 with ~1 me|us" },
	{ "sexual", "says-hes-16-but", "say ~2 he|she|they ~1 GET ~1 NUM ~1 but ~5 older|man|adult|AGE|lie|grown" },
	{ "sexual", "add-him", "he|she|OLDER|PERSON ~4 me ~1 to ~1 add ~1 him|her|them ~2 on" },
	{ "sexual", "age-just-number", "age ~2 just ~1 a ~1 number ~1 END|and|but|so|he|she" },
	{ "sexual", "older-and-im", "he|she ~2 AGE ~2 and ~1 i ~1 am ~1 NUM" },
	{ "sexual", "delete-chats", "delete ~2 our|the ~1 chat|message" },
	{ "sexual", "video-call-night", "video|facetime ~1 call ~2 me|us ~2 NIGHT" },
	{ "sexual", "mature-for-age", "mature ~2 for ~1 my|your ~1 age" },
	{ "sexual", "loves-me-meet", "he|she ~2 love ~1 me ~6 meet" },
	{ "sexual", "sounds-like-man", "sound|look ~2 like ~2 a|an ~1 man|adult|older" },
	{ "sexual", "where-i-live", "ask ~3 where ~1 i ~1 live|stay" },
	{ "sexual", "sleep-with-mates", "make|force|want|get ~2 me|us ~2 sleep ~1 with" },
	{ "sexual", "make-me-stay", "make|force ~1 me|us ~1 stay" },
	{ "exploitation", "given-substance", "get ~1 give ~2 SUBST" },
	{ "sexual", "took-to-hotel", "he|she|they|OLDER ~1 take ~1 me|us ~3 hotel" },
	{ "sexual", "pass-me-round", "pass ~1 me|us ~1 round|around|about ~1 END|to|between" },
	{ "exploitation", "county-for-them", "county ~2 for ~1 them|him|OLDER|gang" },
	{ "exploitation", "for-them", "plug|serve|shot|bag|run|hold|cheff ~2 for ~1 them|him|OLDER|gang" },
	{ "exploitation", "in-the-trap", "in ~1 a|the|their ~1 trap" },
	{ "exploitation", "nitty", "nitty" },
	{ "exploitation", "opps", "opp ~2 after|know ~1 me|where|us" },
	{ "exploitation", "olders-make", "OLDER ~3 FORCE ~1 me|us" },
	{ "exploitation", "running-food", "run|hold|carry ~1 food ~2 for" },
	{ "exploitation", "burner", "give ~2 me|us ~2 burner" },
	{ "exploitation", "debt-to", "debt ~2 to|with ~2 them|him|gang|OLDER|"
	    "man|dealer" },
	{ "exploitation", "sent-to-sell", "send ~5 to ~1 DEAL|sell" },
	{ "exploitation", "older-selling", "OLDER ~3 sell|deal|shot|serve" },
	{ "exploitation", "bag-up", "bag ~1 up ~2 for ~1 them|him|OLDER|gang|every|NIGHT|DRUG" },
	{ "drugs", "daily-use", "weed|ket|spice|crack|heroin|xanax|vodka|alcohol|booze|mdma ~3 every|all|daily ~1 day|night|weekend|END" },
	{ "drugs", "drink-to-forget", "drink|drunk|smoke|high ~4 to ~1 forget|cope|numb|escape" },
	{ "drugs", "addicted", "addict ~2 to ~2 DRUG|SUBST" },
	{ "drugs", "i-take", "i ~3 take|do|smoke|use ~2 DRUG ~2 at|every|with|"
	    "to|END|tbh|ngl" },
	{ "drugs", "lines", "line ~2 of ~1 coke|cocaine|ket" },
	{ "drugs", "parent-uses", "PERSON ~2 use|inject|smoke ~2 DRUG|heroin" },
	{ "neglect", "never-any", "no|never|nothing|not ~1 any ~1 electric|electricity|gas|heating|water" },
	{ "neglect", "carer-for-siblings", "look ~1 after ~3 brother|sister|baby ~6 PERSON ~3 out|drunk|away|never|not|gone" },
	{ "neglect", "always-hungry", "always|every ~2 hungry ~2 at ~1 home|house|placement|night|bed" },
	{ "neglect", "didnt-come-home", "PERSON ~2 NEG ~1 come ~1 home ~1 for|in|all ~2 day|night|NUM|week|ages" },
	{ "neglect", "nothing-in-fridge", "nothing ~2 in ~1 the ~1 fridge|"
	    "cupboard ~1 END|THEN|again|all|for|ever|at|or|no|since|today" },
	{ "neglect", "no-one-buys", "no ~1 one ~2 buy|get ~2 me|us ~1 any|clothes|food|shoe|uniform|coat|END" },
	{ "neglect", "steal-food", "steal ~2 food|bread" },
	{ "missing", "not-home-since", "NEG ~2 been ~1 home|back ~4 since|day|night|week|NUM|monday|tuesday|wednesday|thursday|friday|saturday|sunday" },
	{ "missing", "not-back-to", "NEG ~1 go ~1 back ~2 to ~1 placement|home|there" },
	{ "missing", "no-where", "no ~1 where|place ~2 go|sleep|stay" },
	{ "missing", "cant-get-home", "can ~1 not ~1 get ~1 home|back ~1 "
	    "END|THEN|please|help|no" },
	{ "bullying", "fake-account", "fake ~1 account|page|profile ~5 post|about|me" },
	{ "bullying", "picked-on", "pick ~1 on ~2 every ~1 day|single|lesson" },
	{ "radicalisation", "bombs", "make|build ~2 bomb" },
	{ "radicalisation", "race-war", "race ~1 war" },
	{ "radicalisation", "fight-abroad", "duty|go ~4 fight ~2 abroad|war|syria|cause" },
	{ "radicalisation", "hate-group", "muslim|immigrant|jew|black|white|foreigner ~3 enemy|invade|vermin|control|replace" },
	{ "radicalisation", "jihad", "jihad|kuffar|caliphate|isis|infidel" },
	{ "abuse", "want-me-to-marry", "want|make|force ~2 me ~2 marry" },
	{ "abuse", "taken-to-marry", "take|send ~4 home|back|abroad|country|holiday|pakistan|bangladesh|india|somalia|nigeria ~4 marry|wedding|engage" },
	{ "abuse", "im-getting-married", "i ~1 am ~1 get ~1 marry ~2 when|summer|abroad|next|holiday" },
	{ "abuse", "fgm-cut-abroad", "abroad|holiday ~4 cut" },
	{ "abuse", "fgm-cut-like", "cut ~2 like ~2 girl|sister|cousin|mum" },
	{ "abuse", "fgm-the-cutting", "the ~1 cut ~1 do|done" },
	{ "exploitation", "unpaid2", "work ~6 NEG ~2 pay|money" },
	{ "exploitation", "passport", "take ~1 my ~1 passport ~1 END|THEN|off|"
	    "away|from" },
	{ "exploitation", "work-to-pay", "work ~3 to ~1 pay ~1 back|off ~1 END|them|him|debt" },
	{ "exploitation", "keep-my-money", "work ~8 keep|take ~1 my ~1 money|wage" },
	{ "exploitation", "work-not-allowed-out", "clean|work ~6 all ~1 day ~6 NEG ~1 allow" },
	/*
	 * Disclosures a safeguarding lead found read as clear. Each is kept
	 * to its own wording so the ordinary line beside it stays clear:
	 * "want to dye" only as the last words ("dye my hair" is ordinary).
	 */
	{ "suicide", "slit-wrists", "slit|slash ~2 wrist|vein|throat" },
	{ "suicide", "drink-bleach", "drink|drank|swallow|down ~3 bleach|"
	    "antifreeze|poison|weedkiller" },
	{ "suicide", "throw-myself-off", "throw|chuck|fling|hurl ~1 SELF ~2 "
	    "off|from|under|front" },
	{ "suicide", "sewer-slide", "sewer ~1 slide|slid" },
	{ "suicide", "want-to-dye", "want|go|wish ~2 dye|dy|di ~1 END|"
	    "tonight|now|already|tbh|ngl|honestly|fr|soon|today" },
	{ "suicide", "end-me", "end me" },
	{ "suicide", "want-out-of-life", "want|need ~2 out ~1 of ~2 life|"
	    "live|world|existence|everything" },
	{ "suicide", "wish-not-born", "wish ~3 NEG ~2 born|alive|exist" },
	{ "suicide", "as-well-be-dead", "might|may ~1 as ~1 well ~3 DIE" },
	/* Self-hatred is flagged even with a reason after it. */
	{ "self_harm", "hate-myself", "hate ~1 myself|meself" },
	{ "self_harm", "hate-myself", "hate my|me self" },
	/* "sa'd" reads "sad": only "got sa'd" at the end, or "by him". */
	{ "sexual", "got-sa", "GET sa" },
	{ "sexual", "got-sa", "get sad ~1 END|by|last" },
	{ "sexual", "got-sa", "sad by ~1 PERSON|OLDER|him|her|them" },
	{ "sexual", "got-sa", "PERSON sa|sad me|us" },
	{ "sexual", "made-me-suck", "make|force|get ~2 me|us ~2 suck|wank|"
	    "kiss|stroke|finger" },
	{ "sexual", "got-touched", "GET touch|grope|fondle|molest|finger" },
	{ "sexual", "told-to-keep-secret", "tell|make|ask|say|want|get ~3 "
	    "me|us ~4 keep ~3 SECRET" },
	{ "sexual", "keep-it-secret", "keep ~1 it|this|that ~2 SECRET ~1 "
	    "END|from|or|ok|okay" },
	{ "sexual", "picks-me-up", "man|guy|bloke|lad|stranger|older|adult|"
	    "woman|someone ~4 pick ~1 me|us ~1 up" },
	{ "sexual", "meet-older", "meet ~8 he|she ~1 GET ~1 AGE" },
	{ "sexual", "meet-older", "he|she ~1 GET ~1 AGE ~8 meet" },
	{ "sexual", "put-my-pics", "he|she|they|PERSON|OLDER ~2 put|upload ~2 "
	    "my ~1 PICS|nudes" },
	{ "sexual", "filmed-me", "PERSON|OLDER ~3 film|record ~1 me|us ~1 "
	    "END|without|while|naked|change|shower|undress|sleep|toilet|"
	    "again|when|secretly|through|x" },
	{ "sexual", "cant-remember-after", "drug|weed|pill|xanax|ket|mdma|"
	    "spike|drunk|drink|drank|alcohol|vodka|wasted|high ~8 NEG ~2 "
	    "remember" },
	{ "abuse", "leathers-me", "leather ~1 me|us" },
	{ "abuse", "violent-person", "PERSON ~1 GET|be|become|turn|get ~2 "
	    "violent|aggressive" },
	{ "neglect", "carer-drinks", "PERSON ~2 drink all|every ~1 time|day|"
	    "night|weekend" },
	{ "neglect", "carer-drinks", "PERSON ~2 drink ~2 loads|lot|alot|"
	    "heavily|much|constantly|always ~1 END|THEN|when|every" },
	{ "abuse", "angry-when-drinking", "PERSON ~3 drink|drunk ~6 angry|"
	    "aggressive|violent|nasty|scary" },
	{ "abuse", "angry-when-drinking", "angry|aggressive|violent|nasty|"
	    "scary ~3 when|after|if ~2 drink|drunk" },
	{ "abuse", "takes-my-money", "PERSON ~2 take|steal|spend ~2 my ~1 "
	    "money|allowance|benefit|wage|card|saving" },
	{ "exploitation", "given-to-hold", "give|hand|pass ~2 me|us ~3 stuff|"
	    "thing|something|package|parcel|bag|phone ~2 to ~1 hold|carry|"
	    "hide|stash|sell|drop|deliver|run" },
	{ "missing", "not-coming-back", "NEG ~1 come ~1 back|home ~4 tonight" },
	{ "missing", "not-coming-back", "NEG ~1 come|go ~1 back ~1 to ~2 "
	    "placement|resi|unit|carer|foster|home" },
	{ "missing", "not-coming-back", "NEG ~1 come ~1 back ~1 END|THEN|ever|"
	    "again|tonight|never" },
	{ "missing", "away-without-carers-knowing", "sleep|stay|kip|crash ~4 "
	    "at|with|round ~10 STAFF|mum|dad|social|parent ~2 NEG ~1 know" },
	{ "missing", "dont-know-where-i-am", "STAFF|PERSON|mum|dad ~2 NEG ~1 "
	    "know ~1 where ~1 i ~1 am|sleep|stay" },
	{ "violence", "will-find-me", "will|going|say ~2 find|track ~1 me|us ~1 "
	    "END|THEN|if|wherever|anywhere|everywhere|when" },
	/*
	 * A safeguarding lead's held-out set (review 90): harms said by
	 * their plain names, threats to someone else, emotional abuse,
	 * quiet goodbyes, and Polish and Romanian. Talk about the names in
	 * a lesson is an idiom above.
	 */
	{ "exploitation", "trafficked", "trafficked|trafficking" },
	{ "exploitation", "modern-slavery", "modern ~1 slavery|slave" },
	{ "exploitation", "debt-bondage-named", "debt ~1 bondage" },
	{ "exploitation", "loan-shark", "loan ~1 shark" },
	{ "exploitation", "keep-my-papers", "keep|take|hold|have ~1 my|our ~1 "
	    "passport|papers|documents|id END|THEN|from|off|away" },
	{ "exploitation", "not-paid", "they|he|she ~2 NEG ~1 pay ~1 me|us ~1 "
	    "END|THEN|anything|nothing" },
	{ "exploitation", "debt-for-coming", "debt ~2 for ~2 come|bring|"
	    "travel|journey|smuggle ~2 here|uk|england|britain|country|over" },
	{ "exploitation", "moved-between-houses", "move ~2 me|us ~1 between ~3 "
	    "house|flat|city|town" },
	{ "exploitation", "bring-men", "bring ~1 man ~2 to|into|round|back ~2 "
	    "house|flat|home|room" },
	{ "exploitation", "family-hurt", "family ~4 will|get|be ~2 hurt|kill|"
	    "harm|pay|suffer" },
	{ "exploitation", "cuckooed", "move ~1 into|in ~1 my ~1 flat|place|"
	    "house|home ~10 deal|sell|DRUG|NEG" },
	{ "exploitation", "dealing-from-mine", "deal|sell ~1 from|out ~1 it|"
	    "my|there|mine" },
	{ "exploitation", "plugging", "plug ~4 hurt|inside|bum|bleed" },
	{ "exploitation", "shotting", "shoot ~1 bag|wrap|pack|food|work" },
	{ "exploitation", "doing-a-line", "do|run|hold ~2 line ~1 for ~2 "
	    "OLDER|them|him|gang|some" },
	{ "exploitation", "hold-to-pay", "hold|stash|hide|carry ~2 stuff|"
	    "thing|package|bag|parcel ~4 pay|debt" },
	{ "missing", "police-found-me", "police|cop|feds ~2 find|found ~1 "
	    "me|us" },
	{ "missing", "dont-try-find-me", "NEG ~2 try|bother|come ~2 find|"
	    "look ~1 me|us|for" },
	{ "missing", "left-days-ago", "leave ~2 home|placement|carer|foster ~2 "
	    "NUM ~1 day|night ~1 ago" },
	{ "sexual", "sextortion", "sextortion|sextort" },
	{ "sexual", "has-my-pics", "he|she|they|someone|guy|man|boy|lad ~2 "
	    "get|have ~1 my ~1 pics|nudes|vid|video" },
	{ "sexual", "or-he-sends-it", "or|unless ~2 he|she|they ~1 send|post|"
	    "share|leak|show ~2 it|them ~3 to|everyone|online" },
	{ "sexual", "send-to-everyone-if", "send|post|share|show|leak ~2 "
	    "them|it ~3 everyone|family|school|friend ~6 if|unless" },
	{ "sexual", "on-top-of-me", "on ~1 top ~1 of ~1 me|us" },
	{ "sexual", "scared-pregnant", "FEAR|think|worry ~3 i ~1 am|might|"
	    "could ~2 pregnant" },
	{ "abuse", "domestic-violence", "domestic ~1 violence|abuse" },
	{ "abuse", "dv", "dv ~3 home|house|mum|dad|PERSON|again|happen|"
	    "police" },
	{ "abuse", "hits-mum", "PERSON ~3 HARM mum|nan|sister|brother|baby" },
	{ "abuse", "black-eye", "PERSON|has|have|got ~3 black ~1 eye" },
	{ "abuse", "told-to-lie", "tell|make|want ~2 me|us ~2 lie ~3 social|"
	    "police|worker|teacher|sw|school|doctor|nurse" },
	{ "abuse", "screaming-smashing", "SHOUT ~3 smash|break|throw ~4 home|"
	    "house|night|sleep|flat" },
	{ "abuse", "break-my-legs", "PERSON ~3 break ~1 my|your ~1 leg|arm|"
	    "finger|knee|neck|jaw|nose" },
	{ "abuse", "waste-of-space", "waste ~1 of ~1 space|oxygen|air|skin" },
	{ "abuse", "send-me-back", "send ~1 me|us ~1 back ~1 END|THEN|if|when|"
	    "unless" },
	{ "abuse", "send-me-back", "send ~1 me|us ~1 back ~1 to ~2 care|"
	    "country|foster|social|council" },
	{ "abuse", "nobody-wants-me", "no ~1 one ~2 want ~1 me|us ~1 END|THEN|"
	    "here|around|any|i|not" },
	{ "abuse", "marry-cousin", "have|got ~1 to ~1 marry" },
	{ "abuse", "marry-cousin", "marry ~1 my ~1 cousin" },
	{ "abuse", "shame-the-family", "shame|dishonour ~3 family" },
	{ "abuse", "husband-for-me", "husband|wife ~3 for ~1 me|us" },
	{ "abuse", "engaged-back-home", "i ~2 be ~1 engage|marry ~3 go|take|"
	    "send ~2 back|home|abroad|pakistan|bangladesh|india|somalia|"
	    "nigeria|afghanistan" },
	{ "abuse", "shaadi", "shaadi|nikah|rishta ~8 never|NEG ~2 agree|want|"
	    "consent|ask" },
	{ "abuse", "shaadi", "never|NEG ~2 agree|want ~6 shaadi|nikah|rishta" },
	{ "suicide", "when-im-gone", "for ~1 when ~1 i ~1 am ~1 gone|dead" },
	{ "suicide", "when-im-gone", "when ~1 i ~1 am ~1 dead" },
	{ "suicide", "train-tracks", "train|railway|rail ~1 track" },
	/*
	 * Polish: "mnie bije" (he beats me), "ją bije" (beats her); "nikt mi
	 * nie uwierzy" (nobody will believe me). Romanian: "trebuie sa ma
	 * marit" (I have to marry), "ma bate" (he beats me); "ma" reads "my".
	 */
	{ "abuse", "pl-beats-me", "mnie|ją|nas ~1 bije|bił|biła|uderza|"
	    "uderzył|krzywdzi|leje" },
	{ "abuse", "pl-beats-me", "bije|bił|biła|uderza|uderzył|krzywdzi ~1 "
	    "mnie|ją|nas|mamę|mame" },
	{ "help", "pl-no-one-believes", "nikt ~2 nie ~1 uwierzy|wierzy" },
	{ "abuse", "ro-must-marry", "trebuie ~3 marit|mărit|casatoresc|"
	    "căsătoresc|mărita|marita" },
	{ "abuse", "ro-beats-me", "tata|tatal|tatăl|mama|el|ea ~2 ma ~1 bate|"
	    "loveste|lovește" },
	/*
	 * A safeguarding lead's second held-out set (review 99): rape in
	 * swear words, harm to a sister or a friend, care words (a lodgings
	 * host, a key worker), a word or a letter put as an emoji, neglect
	 * of medicine and food, and Polish, Welsh, Romanian and Arabic.
	 */
	{ "sexual", "when-i-said-no", "fuck|shag|sex ~1 me|us|her|him|with ~8 "
	    "i|she|we ~1 say|tell|beg|scream|cry|ask ~4 no|stop|NEG" },
	{ "sexual", "when-asleep", "fuck|shag|sex|rape|grope ~6 when|while ~3 "
	    "asleep|unconscious|sleep" },
	{ "sexual", "will-share-pic", "send ~4 PICS ~10 will|going|threaten ~2 "
	    "share|post|leak|spread ~1 it|them" },
	{ "sexual", "sends-kisses", "ADULT|OLDER ~6 send|blow ~2 me|us ~2 kiss|"
	    "x|xx|heart" },
	{ "sexual", "look-fit-in-uniform", "ADULT|OLDER ~10 look ~1 sexy|fit|"
	    "hot|peng ~2 in ~1 my|your|that ~1 uniform|underwear|pyjama|pj|"
	    "bikini|swimsuit|towel|skirt|school|kit|leotard|short" },
	/* Not "she put her hands on her hips". */
	{ "abuse", "hands-on-me", "put|get|lay ~1 his|their ~1 hand ~1 on ~1 "
	    "me|us|her|you END|THEN|when|while|if|at|in|every|all" },
	{ "abuse", "hands-on-me", "put|get|lay ~1 her ~1 hand ~1 on ~1 "
	    "me|us|him|you END|THEN|when|while|if|at|in|every|all" },
	/* "i want to 💀 myself": the emoji was the verb. */
	{ "suicide", "emoji-verb", "want|go|try|ready|plan|about|wish|need to "
	    "SELF" },
	{ "suicide", "gone-soon", "i ~2 be ~1 gone ~1 soon ~1 END|THEN|"
	    "enough" },
	{ "suicide", "not-here-soon", "i ~2 NEG ~1 be ~1 here|around ~1 soon|"
	    "long ~1 END|THEN" },
	/* Polish: "chcę umrzeć" (I want to die), "zabić się" (kill myself). */
	{ "suicide", "pl-want-to-die", "chce|chcę|chcialbym|chciałbym|"
	    "chcialabym|chciałabym|wole|wolę ~2 umrzec|umrzeć|zginac|"
	    "zginąć" },
	{ "suicide", "pl-kill-myself", "zabic|zabić|zabije|zabiję ~1 sie|się" },
	{ "suicide", "pl-kill-myself", "sie|się ~1 zabic|zabić|zabije|zabiję" },
	{ "suicide", "pl-not-live", "nie ~1 chce|chcę ~1 zyc|żyć" },
	{ "neglect", "no-meds", "NEG ~2 give|let ~2 me|us ~2 my|any|the ~1 "
	    "MEDS|inhaler|insulin ~1 END|THEN|any|for|on|when|properly|at" },
	{ "neglect", "no-meds", "NEG ~2 have|had|take|get ~2 my|any ~1 MEDS|"
	    "inhaler|insulin ~2 for|since|in ~2 day|week|NUM" },
	{ "neglect", "food-from-bins", "go|look|dig|root|search|rummage ~2 "
	    "in|through ~2 bin ~3 food|eat|something" },
	{ "neglect", "food-from-bins", "eat ~1 out|from ~2 bin" },
	{ "neglect", "left-with-baby", "out ~2 drink|drunk|party|club|pub|rave "
	    "~6 LEAVE ~1 me|us ~3 with|alone|own" },
	{ "neglect", "left-with-baby", "the ~1 pub ~6 LEAVE ~1 me|us ~3 with|"
	    "alone|own" },
	{ "neglect", "left-with-baby", "LEAVE ~1 me|us ~2 with ~3 brother|"
	    "sister|baby ~2 who ~1 GET|be ~1 1|2|3|4|month|newborn" },
	{ "exploitation", "cannabis-farm", "cannabis|weed|skunk ~1 farm|"
	    "factory|grow" },
	{ "exploitation", "work-cant-leave", "have ~1 to ~1 work ~8 can ~1 "
	    "not|never ~1 leave ~1 END|THEN|the|house|there|it" },
	{ "exploitation", "brought-to-work", "bring ~2 me|us ~2 from|over|here "
	    "~10 make|force ~1 me|us ~1 work ~1 END|THEN|for|in|at|all|every|"
	    "without|day|night|NUM" },
	{ "exploitation", "packages-places", "take|carry|drop|deliver|run ~2 "
	    "package|parcel ~1 place|somewhere|around|round|everywhere|about" },
	{ "abuse", "ro-marry-me", "vor|vrea|obliga|forteaza|forțează|trebuie "
	    "~3 ma ~1 marit|mărit|marita|mărita|casatoresc|căsătoresc|"
	    "casatoresti|căsătorești|casatori|căsători" },
	{ "abuse", "marry-or-else", "marry ~8 disown|worse|else|kill|hurt|"
	    "beat|kick|shame|dishonour|disgrace" },
	{ "abuse", "disown", "disown ~1 me|us" },
	/* Arabic: "baba yadrub mama" (dad hits mum), "yadrubni" (hits me). */
	{ "abuse", "ar-hits", "yadrubni|yadribni|yidrabni|yidrubni|bidrabni|"
	    "bidrubni|darabni|yedrobni|byidrabni" },
	{ "abuse", "ar-hits", "yadrub|yadrib|yidrab|yidrub|bidrub|bidrab|"
	    "byidrab|yedrob|beyedrab|darab ~2 mama|umi|ummi|ommi|baba|abi|"
	    "ukhti|akhti|akhi|ana|mum|dad|me|us|my|her" },
	{ "abuse", "says-im-worthless", "say|tell|call ~3 i ~1 am|be|was ~2 "
	    "worthless|pathetic|evil|devil|demon|disgusting|mistake|unlovable|"
	    "unwanted|vile|scum|dirty|slag|slut|whore" },
	{ "abuse", "no-one-loves-me", "no ~1 one ~2 love ~1 me|us ~1 END|THEN|"
	    "here|at|in|any" },
	{ "unsafe", "told-not-to-speak", "if ~2 speak|talk|tell ~6 never|NEG "
	    "~2 see ~4 again|ever|brother|sister|mum|dad|family|baby|nan" },
	{ "violence", "merked", "GET ~1 merk|murk|duppy" },
	{ "violence", "merked", "merk|murk|duppy ~1 me|us|him|her|you|END" },
	/*
	 * A safeguarding lead's third held-out set (review 101): threats and
	 * silencing said in other words, harm to a sibling, grooming with
	 * game money, a marriage arranged for a child, and trafficking,
	 * cuckooing and rent "paid another way" in a care leaver's flat.
	 */
	{ "suicide", "cy-not-live", "dim ~1 eisiau|isio|isho|moyn|isie ~2 "
	    "byw|fyw" },
	{ "sexual", "told-to-keep-secret", "tell|make|ask|want|get ~3 you ~4 "
	    "keep ~3 SECRET" },
	{ "sexual", "secret-touching", "SECRET ~3 about|of ~3 TOUCH|sex|"
	    "kiss|private" },
	{ "unsafe", "if-i-tell", "if ~1 i|we ~1 tell|say|speak|talk|grass|"
	    "snitch ~6 he|she|they ~1 will|would|going ~3 send|hurt|kill|hit|"
	    "beat|stab|leave|take ~2 me|us|away|my" },
	{ "abuse", "what-he-did", "my ~1 fault ~3 what ~2 he|she|they|PERSON ~1 "
	    "do|did" },
	{ "abuse", "what-he-did", "what ~2 he|she|they|PERSON ~1 do|did ~1 "
	    "to ~1 me|us ~1 END|THEN" },
	{ "abuse", "send-me-back", "send ~1 me|us ~1 away ~1 END|THEN|if|"
	    "when|unless" },
	/* From a stranger, not "my nan bought me robux". */
	{ "exploitation", "sent-me-gifts", "he|she|they|OLDER|ONLINE ~4 send|"
	    "give|buy ~2 me|us ~2 robux|vbucks|vbuck|gem|coin|skin|voucher|"
	    "credit|token" },
	{ "sexual", "cam-on-for-him", "he|she|they|OLDER ~6 ask|want|tell|"
	    "make|beg|pressure ~2 me|us ~3 turn|put|switch ~2 cam|webcam ~1 "
	    "on ~1 END|THEN|at|when|while|for|again|tonight" },
	{ "sexual", "will-share-pic", "PICS ~10 will|going|threaten ~2 send|"
	    "share|post|leak|spread|show ~1 it|them ~4 mum|dad|family|school|"
	    "everyone|online|friend|carer|social|all" },
	{ "exploitation", "sent-somewhere-unknown", "he|she|they|OLDER|gang ~2 "
	    "put|send|take|drive ~2 me|us ~8 place|town|city|house|flat|area|"
	    "somewhere|station ~1 i ~1 NEG ~1 know|recognise" },
	{ "exploitation", "recruit-kids", "have ~1 to ~1 bring|recruit|get ~3 "
	    "NUM|more|other|new|young|younger ~2 kid|child|boy|girl|friend|"
	    "person ~8 or ~1 else" },
	{ "exploitation", "recruit-kids", "bring|recruit|get ~3 NUM|more|other|"
	    "new|young|younger ~2 kid|child|boy|girl|friend|person ~4 for ~1 "
	    "gang|OLDER|him|them ~1 END|THEN|to|or" },
	{ "violence", "do-me-in", "he|she|they|PERSON|OLDER|gang ~3 do ~1 "
	    "me|us|OTHERS|mum|you ~1 in" },
	{ "abuse", "hit-with", "use|take ~3 belt|stick|shoe|spoon|cable|"
	    "slipper|hanger|lead|wire|bat|whip|cane ~2 on ~1 me|us|my|OTHERS" },
	{ "abuse", "hit-with", "take ~3 belt|stick|shoe|spoon|cable|slipper|"
	    "hanger|wire|whip|cane ~1 to ~1 me|us|him" },
	{ "neglect", "baby-left-crying", "leave ~4 cot|crib|pram|buggy|"
	    "highchair|bath|nappy ~4 hour|day|night|cry|alone|all" },
	{ "neglect", "baby-left-crying", "leave ~3 cry|scream ~2 for ~1 "
	    "hour|ages|day|night|NUM" },
	{ "neglect", "nappy-not-changed", "nappy|nappies ~4 NEG|never ~2 "
	    "change|clean ~2 all|for|day|night|NUM|END|THEN" },
	{ "neglect", "nappy-not-changed", "NEG|never ~2 change ~2 her|his|the|"
	    "baby|OTHERS ~1 nappy|nappies" },
	{ "missing", "police-found-me", "police|cop|feds ~2 bring|take|drop ~1 "
	    "me|us|OTHERS ~1 back|home" },
	{ "missing", "if-i-ran", "if ~1 i ~2 run|go|leave ~1 off|away|missing "
	    "~8 would|will|anyone|anybody|notice|care|look|miss" },
	{ "missing", "would-anyone-look", "would|will ~1 anyone|anybody|"
	    "someone ~2 look|search|come ~1 for ~1 me|us" },
	{ "abuse", "mum-has-bruises", "mum|nan|sister|brother|she ~2 have|get|"
	    "come ~2 bruise|mark ~1 END|THEN|again|everywhere|all" },
	{ "abuse", "screaming-smashing", "PERSON ~3 smash|break|throw ~2 stuff|"
	    "thing|everything|plate|door|furniture|window ~8 bruise|black|hit|"
	    "cry|scream|police|hide|scared" },
	{ "abuse", "controlling-partner", "dad|step|boyfriend|partner|husband|"
	    "man ~3 check|read|go ~2 her|mum ~1 phone" },
	{ "abuse", "controlled", "NEG ~1 let ~1 mum ~2 see|talk|go|leave|out|"
	    "have|use" },
	{ "abuse", "forced-marriage", "shaadi|nikah|rishta|marry|marriage|"
	    "wedding|engage ~8 never|NEG ~2 meet|see" },
	{ "abuse", "forced-marriage", "engage|marry|nikah|shaadi ~3 at|when|"
	    "aged ~2 9|10|11|12|13|14|15" },
	{ "abuse", "forced-marriage", "engage|marriage|nikah|shaadi|rishta ~6 "
	    "arrange" },
	{ "abuse", "forced-marriage", "arrange ~4 marriage|engage|engagement|"
	    "nikah|shaadi|rishta" },
	{ "abuse", "forced-marriage", "holiday|trip|abroad|think|really ~8 "
	    "for|to ~1 my ~1 wedding|marriage|nikah|shaadi|engagement" },
	{ "abuse", "forced-marriage", "shaadi|nikah|rishta|marry|marriage|"
	    "wedding|engage|husband|wife ~8 can ~1 not ~2 say ~1 no" },
	{ "abuse", "forced-marriage", "shaadi|nikah|rishta|marry|marriage|"
	    "wedding|engage|husband|wife ~8 can ~1 not ~1 refuse" },
	{ "abuse", "forced-marriage", "shaadi|nikah|rishta ~3 for ~1 me|us|"
	    "her|my ~1 sister|END|THEN" },
	{ "sexual", "picks-me-up", "man|guy|bloke|lad|stranger|older|adult|"
	    "woman|someone ~4 pick ~1 her|him|OTHERS ~1 up" },
	{ "sexual", "different-men", "pick ~1 up ~6 different|random|older|"
	    "strange ~1 man|guy|lad|car|bloke" },
	{ "sexual", "different-men", "different|random ~1 man|guy|car|lad|"
	    "bloke ~4 every ~1 night|day|weekend" },
	{ "exploitation", "work-not-allowed-out", "NEG ~1 allow ~2 leave|out "
	    "~6 work" },
	{ "exploitation", "work-not-allowed-out", "work ~6 NEG ~1 allow ~2 "
	    "leave|out" },
	{ "exploitation", "pay-or-else", "pay|owe ~4 or|else|unless ~2 they|he|"
	    "she|them ~3 find|hurt|kill|come|get|beat|sell" },
	{ "exploitation", "sold-me", "sell ~1 me|us|her|him ~1 to|for ~2 man|"
	    "guy|person|OLDER|PERSON|another|someone|them|him|gang|money|cash|"
	    "NUM" },
	{ "exploitation", "bring-girls", "bring|take ~2 girl|boy|kid|child|"
	    "woman ~3 to|into|round|back ~2 house|flat|room|hotel|party ~10 "
	    "NEG ~2 allow|let|leave" },
	{ "exploitation", "cuckooed", "flat|place|house|home ~4 person|man|guy|"
	    "lad|OLDER|dealer ~6 sell|deal|DRUG" },
	{ "exploitation", "cuckooed", "my ~1 flat|place|house ~10 they|person|"
	    "man|guy|OLDER|dealer ~2 NEG ~1 leave ~1 END|THEN" },
	{ "sexual", "pay-another-way", "pay ~5 another|other|different ~1 "
	    "way ~1 if ~1 you ~1 know" },
	{ "sexual", "pay-another-way", "he|she|they|man|guy|landlord|host|"
	    "dealer|OLDER ~6 pay ~2 rent|debt|back|him|her|them|it ~3 another|"
	    "other|different ~1 way" },
	/*
	 * A safeguarding lead's fourth held-out set (review 109): harms told
	 * as a scene and not by name. A goodbye without a word of dying,
	 * neglect as coats in bed and mould, control and isolation, a
	 * marriage for a child of 16, work to pay for the journey, eviction
	 * and a loan man at the door, a staff member's own number, and drugs
	 * by their street names.
	 */
	{ "sexual", "too-drunk-to-say-no", "too ~1 drunk|wasted|high|stoned|"
	    "asleep|out ~3 to ~1 say|stop|consent|fight|move|push" },
	{ "sexual", "too-drunk-to-say-no", "say ~1 no|stop ~8 he|she|they ~1 "
	    "do|carry|keep ~1 it|on|go ~1 anyway" },
	{ "self_harm", "doing-it-again", "start|been|back ~1 do ~1 it ~1 "
	    "again" },
	{ "self_harm", "covered-in-marks", "arm|wrist|leg|thigh|stomach|skin "
	    "~3 cover|full ~2 of|in|with ~1 mark|cut|scar|scratch|burn" },
	{ "self_harm", "hoodie-to-hide", "hoodie|jumper|sleeve ~8 hide|"
	    "cover ~2 them|it|mark|scar|cut|arm|wrist|burn" },
	{ "suicide", "better-off-not-here", "better ~2 off ~4 NEG ~1 HERE" },
	{ "suicide", "dont-want-to-do-this", "NEG ~1 want ~2 do ~1 this|it ~1 "
	    "any ~1 more ~1 END|THEN|i|because" },
	{ "suicide", "tired-of-everything", "tired|sick ~2 of ~1 everything ~1 "
	    "END|THEN|i|and|because" },
	{ "suicide", "sorted-my-stuff", "sort|decide|write|plan|pick ~3 who ~2 "
	    "get|have|take ~2 my ~1 stuff|thing|things|belonging|clothes|"
	    "phone|pet|dog|cat" },
	{ "suicide", "sorted-my-stuff", "give ~2 away ~2 my|all ~1 stuff|thing|"
	    "things|belonging|belongings|favourite ~1 END|THEN|to|because|"
	    "already" },
	{ "suicide", "cant-keep-going", "can ~1 not ~1 keep ~1 go ~1 like ~1 "
	    "this|that" },
	{ "suicide", "cant-keep-going", "can ~1 not ~1 keep ~1 go ~2 much|any "
	    "~1 longer|more" },
	{ "suicide", "edge-of-platform", "edge|top ~1 of ~2 platform|bridge|"
	    "roof|cliff|building|carpark|park|tower|motorway ~8 think|thought|"
	    "want|jump|step|lean|tempt|end|die" },
	{ "neglect", "sleep-in-coats", "sleep|bed ~4 coat|jacket" },
	{ "neglect", "clothes-smell", "clothes|uniform ~3 smell|stink|dirty|"
	    "filthy|rip" },
	{ "neglect", "clothes-too-small", "clothes|shoe|uniform|trainer ~3 "
	    "too ~1 small|tight ~8 NEG ~2 buy|get|replace" },
	{ "neglect", "bread-for-tea", "plain|dry|only|just ~1 bread|toast ~2 "
	    "for ~1 tea|dinner|lunch|meal|every" },
	{ "neglect", "they-eat-takeaway", "they|PERSON ~3 eat|have|get|order "
	    "~2 takeaway|pizza|chippy|steak|mcdonald|kfc|nando ~8 we|us|me "
	    "~3 bread|nothing|toast|noodle|scrap|leftover|cereal" },
	{ "neglect", "mould", "mould|damp ~3 wall|ceiling|mattress|bed|"
	    "bedroom|room|window|everywhere|all|floor|carpet|clothes" },
	{ "neglect", "mould", "mattress|bed|bedroom ~3 damp|mould|soak" },
	{ "abuse", "wets-the-bed-because", "wet ~2 the|his|her|my ~1 bed ~4 "
	    "because|since|scared|when|fight|shout|scream|argue" },
	{ "abuse", "screaming-and-fighting", "SHOUT|fight ~1 and ~1 SHOUT|"
	    "fight|smash ~3 home|house|night|every|all" },
	{ "abuse", "thrown-at-her", "throw|chuck ~1 thing|things|stuff|plate|"
	    "glass|cup|bottle|chair|knife|remote|mug|pan|furniture ~2 at ~1 "
	    "her|him|mum|me|us|my|OTHERS|dad|nan" },
	{ "missing", "cars-with-strangers", "in|into ~2 car ~2 with ~4 NEG ~1 "
	    "know|met" },
	{ "missing", "cars-with-strangers", "get|go ~2 in|into ~2 car ~6 "
	    "stranger|random|AGE" },
	{ "missing", "not-allowed-but-go", "keep ~1 go|run|stay|sleep ~10 even "
	    "~1 tho|though ~3 NEG ~1 allow|suppose" },
	{ "missing", "not-allowed-but-go", "go|run|stay|travel ~4 another|"
	    "different|other ~1 city|town|area ~10 NEG ~1 allow|suppose|know" },
	{ "missing", "stranded", "stuck|stranded ~5 no|without ~1 money|"
	    "phone|way|ticket ~3 END|THEN|home|back|get|or" },
	{ "violence", "know-where-i-live", "they|he|she|PERSON|OLDER|gang ~3 "
	    "know|find ~2 where ~1 i|we|my ~2 live|stay|sleep|foster|"
	    "placement|home|house|flat" },
	{ "violence", "burn-it-down", "will|going|threaten ~2 burn|torch|"
	    "petrol|firebomb ~3 down|house|home|flat|car" },
	{ "abuse", "forced-marriage", "they|he|she|PERSON|family|parent ~3 "
	    "plan|arrange|organise|book ~2 my ~1 wedding|marriage|engage|"
	    "engagement|nikah|shaadi" },
	{ "abuse", "forced-marriage", "my ~1 wedding|marriage|engagement|nikah|"
	    "shaadi|husband|wife ~8 only|just ~1 NUM" },
	{ "abuse", "forced-marriage", "marry|engage ~2 me|us|her ~8 only|just "
	    "~1 NUM" },
	{ "abuse", "forced-marriage", "refuse|say ~2 no ~3 marriage|marry|"
	    "wedding|rishta|nikah|shaadi|husband|engage" },
	{ "abuse", "forced-marriage", "refuse ~2 marriage|marry|wedding|rishta|"
	    "nikah|shaadi|husband|match|engage" },
	{ "abuse", "forced-marriage", "marriage|rishta|nikah|shaadi ~8 disown|"
	    "else|kill|hurt|beat|dishonour|disgrace|dead" },
	{ "abuse", "forced-marriage", "PERSON|husband|wife ~2 i ~1 am ~1 go ~1 "
	    "to ~1 marry|be ~1 with" },
	{ "abuse", "forced-marriage", "pakistan|bangladesh|india|somalia|"
	    "nigeria|afghanistan|yemen|iraq|abroad ~8 meet ~3 man|boy|guy|"
	    "husband|wife|girl|woman" },
	{ "abuse", "honour-threat", "disrespect|disgrace|dishonour|shame|"
	    "honour ~3 family|name ~8 disappear|die|dead|kill|hurt|punish|"
	    "pay|deal|regret|beat" },
	{ "exploitation", "brought-to-work", "bring ~3 here|over|uk|england|"
	    "britain|country ~14 have|make|force ~2 work|clean" },
	{ "exploitation", "brought-to-work", "who ~1 bring ~1 me|us ~1 over|"
	    "here ~1 END|THEN|tell|say|make|keep|take|want|from|illegally|on" },
	{ "exploitation", "made-to-clean-houses", "make|force ~2 clean|work|"
	    "cook ~3 house|home ~4 for ~2 family|them|people|him|her|man|"
	    "woman" },
	{ "exploitation", "say-im-18", "tell|make|want|force ~2 me|us ~2 say|"
	    "pretend|lie ~4 i ~1 am ~1 NUM|older|over|adult" },
	{ "sexual", "do-what-the-men-want", "have|make ~2 to|me|us ~1 do ~1 "
	    "what|whatever|anything ~2 man|guy|lad|bloke|stranger ~1 want|ask|"
	    "tell|say" },
	{ "sexual", "do-what-the-men-want", "have|make ~2 to|me|us ~1 do ~1 "
	    "what|whatever|anything ~1 he|him ~1 want|ask" },
	{ "unsafe", "if-i-go-to-police", "if ~1 i|we ~4 police|social|teacher|"
	    "anyone|anybody|someone|staff|carer|iro ~8 send|kill|hurt|deport|"
	    "die|beat|dead|prison|jail" },
	{ "unsafe", "if-i-tell-moved", "if ~1 i|we ~1 tell|speak|talk|grass|"
	    "snitch|report|complain ~8 i|we ~1 will|would|get ~2 move|send|"
	    "kick|punish|trouble" },
	{ "exploitation", "work-off-debt", "work ~1 off ~3 debt|loan|owe" },
	{ "exploitation", "no-papers", "no ~1 papers|passport|document|id ~10 "
	    "work|debt|owe|pay" },
	{ "missing", "evicted", "GET ~1 evict ~3 END|THEN|next|tomorrow|in|on|"
	    "by|this|week|month|soon|if|unless" },
	{ "missing", "evicted", "GET ~1 evict ~1 from ~2 my|our|the ~1 flat|"
	    "house|home|room|placement" },
	{ "missing", "evicted", "eviction ~1 notice|letter|order|hearing" },
	{ "missing", "evicted", "evict ~1 me|us" },
	{ "missing", "nowhere-to-go", "i ~2 NEG ~1 have|get ~1 anywhere ~1 "
	    "to ~1 live|stay|sleep" },
	{ "missing", "nowhere-to-go", "NEG ~1 have|get ~1 anywhere ~1 to ~1 "
	    "go ~1 END|THEN|if|please|help|after|when|once|from|next|soon|"
	    "tomorrow|tonight" },
	{ "sexual", "in-return", "want|expect|ask ~3 stuff|something|thing|"
	    "things|favour|sex ~2 in ~1 return|exchange" },
	{ "exploitation", "loan-man", "loan|debt ~1 guy|man|bloke|lad|shark|"
	    "person|collector ~4 keep|come|threaten|turn|bang|knock|round|"
	    "door" },
	{ "abuse", "im-the-reason", "say|tell ~3 i ~1 am ~1 the ~1 reason|"
	    "cause|problem ~1 END|THEN|why|for|that|my|mum|dad|she|he|they|"
	    "everyone|everything|in|here|at|of" },
	{ "abuse", "not-allowed-to-talk-to-me", "NEG ~1 allow ~2 talk|speak|"
	    "play|sit ~2 to|with ~1 me|us" },
	{ "abuse", "reads-my-messages-out", "read ~3 my ~1 message|diary|"
	    "letter|chat ~6 out|aloud|loud|laugh|everyone|front" },
	{ "abuse", "controlling-partner", "boyfriend|girlfriend|partner|ex ~3 "
	    "check|track|watch|monitor ~2 my ~1 location|message|snapchat|"
	    "where|whereabouts" },
	{ "abuse", "controlling-partner", "go ~1 mad|crazy|mental|nuts ~3 if|"
	    "when ~1 i ~2 talk|speak|message ~2 to ~1 anyone|other|friend|"
	    "mate|boy|girl|lad" },
	{ "abuse", "cut-off", "they|he|she|PERSON ~3 cut ~1 me|us ~1 off ~1 "
	    "from" },
	{ "abuse", "cut-off", "keep|isolate ~1 me|us ~1 away ~1 from ~2 my|"
	    "everyone|friend|family|mate" },
	{ "abuse", "kept-in-room", "make|force|keep ~2 me|us|OTHERS|to ~2 stay|"
	    "sit|stand ~3 in ~1 my|the|his|her ~1 room ~6 whole|all|every|"
	    "NUM ~1 day|weekend|week|night|evening|hour" },
	{ "abuse", "staff-let-kids-fight", "let ~3 older|other|big ~1 kid|"
	    "child|boy|girl|lad ~2 fight|hit|beat|hurt|bully|jump ~1 me|us|"
	    "OTHERS" },
	{ "abuse", "staff-laugh-when-hurt", "STAFF|ADULT ~3 laugh ~3 hurt|cry|"
	    "fight|hit|bully|beat" },
	{ "sexual", "staff-personal-number", "ADULT|OLDER ~5 give ~2 me|us ~2 "
	    "his|her ~1 personal|private|own|mobile ~1 number|phone|snapchat|"
	    "instagram" },
	{ "sexual", "staff-messages-at-night", "ADULT ~10 message|call|"
	    "snapchat ~2 me|us ~3 night|late|midnight|NUM" },
	/* Review 114: a teacher's own number to text (a social worker's
	 * work phone is ordinary, so not every adult). */
	{ "sexual", "staff-personal-number", "teacher|coach|tutor|trainer|"
	    "instructor ~5 give ~2 me|us ~2 his|her ~1 number ~5 text|"
	    "message|snapchat|whatsapp|dm" },
	{ "abuse", "kept-in-room", "keep|lock ~2 me|us ~2 in ~1 my|the|our ~1 "
	    "room ~8 NEG ~3 go|leave|talk|speak|see|eat" },
	{ "abuse", "kept-in-room", "NEG ~1 allow ~1 out ~1 of ~1 my|the|our ~1 "
	    "room" },
	{ "abuse", "phone-taken-cut-off", "take|took ~2 my ~1 phone ~8 NEG ~3 "
	    "talk|speak|message|contact|call|ring ~3 anyone|anybody|family|"
	    "mum|dad|nan|sister|brother|social|iro" },
	{ "abuse", "forced-marriage", "send|take|fly ~4 to ~1 GET ~1 marry" },
	/* Told not to, not "i dont want to tell the staff (a present)". */
	{ "sexual", "dont-tell", "not|never to TELL ~2 staff|iro|manager|dad|"
	    "nan|family|school" },
	{ "sexual", "dont-tell", "do not|never TELL ~2 staff|iro|manager|dad|"
	    "nan|family|school" },
	{ "drugs", "to-forget", "DRUG|SUBST|MEDS|take|drink|drunk|smoke|"
	    "high ~4 to ~1 forget|cope|numb|escape|block" },
	{ "drugs", "others-meds", "take|steal|nick ~1 my|her|his ~1 PERSON ~1 "
	    "MEDS" },
	{ "drugs", "meds-to-sleep", "keep ~1 take ~3 MEDS ~3 sleep|forget|numb|"
	    "cope|feel" },
	{ "drugs", "mixing", "mix ~2 DRUG|SUBST|MEDS ~2 and|with ~1 DRUG|SUBST|"
	    "MEDS|drink" },
	{ "drugs", "injecting", "inject ~1 now|again|heroin|DRUG|END|THEN|"
	    "every" },
	{ "drugs", "cant-stop", "NEG ~1 know ~1 how ~1 to ~1 stop ~1 END|THEN|"
	    "it|myself|drink|use|take|smoke" },
	{ "drugs", "blacking-out", "black ~1 out ~4 drink|drunk|booze|vodka|"
	    "DRUG|SUBST|every|again|night" },
	{ "sexual", "woke-up-hurt", "wake ~1 up ~3 with ~3 blood|stranger|man|"
	    "guy|someone" },
	{ "sexual", "woke-up-hurt", "drink|drunk|black|pass|high|wasted ~8 "
	    "wake ~1 up ~3 with ~2 bruise|blood|mark" },
};

#define NELEMS(a)	(sizeof(a) / sizeof((a)[0]))

static struct sg_slot	slots[SG_SLOTS];
static struct sg_pat	rule_pats[NELEMS(rules)];
static struct sg_pat	idiom_pats[NELEMS(idioms)];
static struct sg_index	*rule_index, *idiom_index;
static const char	*compile_error;
static int		 compiled;

static uint64_t
hash_word(const char *s, size_t n)
{
	uint64_t	 h = 1469598103934665603ULL;
	size_t		 i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return (h <= 1 ? 2 : h);	/* 0 is blank, 1 the end */
}

/* The slot for hash h: its own, or the empty one where it would go. */
static struct sg_slot *
slot_find(uint64_t h)
{
	size_t	 i;

	for (i = h & (SG_SLOTS - 1); slots[i].hash != 0 && slots[i].hash != h;
	    i = (i + 1) & (SG_SLOTS - 1))
		;
	return (&slots[i]);
}

static const struct sg_slot *
slot_get(uint64_t h)
{
	const struct sg_slot	*s = slot_find(h);

	return (s->hash == h ? s : NULL);
}

/*
 * Squeeze runs of one letter: "hiiit" and "hitt" read "hit". A double s
 * stays, so that "grass" and "kiss" keep their s when -s comes off.
 */
static size_t
squeeze(const char *w, size_t n, char *out)
{
	size_t	 i, o = 0;

	for (i = 0; i < n; i++)
		if (o == 0 || out[o - 1] != w[i] || !isalpha((unsigned char)
		    w[i]) || (w[i] == 's' && (o < 2 || out[o - 2] != 's')))
			out[o++] = w[i];
	return (o);
}

static int
vowel(char c)
{
	return (strchr("aeiouy", c) != NULL && c != '\0');
}

/* Letters dropped as said: "kickd", "batterd"; "hurtin", "watchin". */
static size_t
dropped(const char *w, size_t n)
{
	if (n > 4 && w[n - 1] == 'd' && !vowel(w[n - 2]))
		return (n - 1);
	if (n > 3 && memcmp(w + n - 2, "in", 2) == 0 && !vowel(w[n - 3]))
		return (n - 2);
	return (n);
}

/*
 * The key a word is known by: -ing, -ed, -es, -s or a final -e off,
 * then dropped letters, so "friends" and "friend" agree.
 */
static size_t
stem(const char *w, size_t n)
{
	if (n > 4 && memcmp(w + n - 3, "ing", 3) == 0)
		n -= 3;
	else if (n > 3 && memcmp(w + n - 2, "ed", 2) == 0)
		n -= 2;
	else if (n > 3 && memcmp(w + n - 2, "es", 2) == 0)
		n -= 2;
	else if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's')
		n -= 1;
	else if (n > 3 && w[n - 1] == 'e')
		n -= 1;
	return (dropped(w, n));
}

/* "k1ll" reads "kill"; "20s" and "4pm" keep their digits. */
static void
unleet(char *w, size_t n)
{
	static const char	 from[] = "013457", to[] = "oieast";
	const char		*p;
	size_t			 i;

	if (n < 2 || !isalpha((unsigned char)w[0]))
		return;
	for (i = 0; i < n; i++)
		if ((p = strchr(from, w[i])) != NULL && w[i] != '\0')
			w[i] = to[p - from];
}

static int
is_number(const char *w, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)w[i]))
			return (0);
	return (n > 0);
}

static const struct sg_alias *
alias_of(const char *w, size_t n)
{
	const struct sg_slot	*s;

	if ((s = slot_get(hash_word(w, n))) == NULL || s->alias == 0)
		return (NULL);
	return (&aliases[s->alias - 1]);
}

/* One plain word (already aliased) as a token. */
static void
push_plain(struct buf *toks, const char *word, size_t wn)
{
	const struct sg_slot	*s;
	struct sg_tok		 t;
	char			 w[SG_WORD_MAX];
	size_t			 n;

	if (wn >= SG_WORD_MAX) {
		t.hash = hash_word(word, wn);
		t.mask = 0;
		buf_append(toks, &t, sizeof(t));
		return;
	}
	n = squeeze(word, wn, w);
	/* "bullied", "bullies" and "married" read "bully", "marry". */
	if (n > 4 && (memcmp(w + n - 3, "ied", 3) == 0 ||
	    memcmp(w + n - 3, "ies", 3) == 0)) {
		w[n - 3] = 'y';
		n -= 2;
	}
	t.hash = hash_word(w, stem(w, n));
	s = slot_get(t.hash);
	t.mask = s != NULL ? s->mask : 0;
	if (is_number(w, n))
		t.mask |= SG_NUM;
	buf_append(toks, &t, sizeof(t));
}

/* Each word of a space-separated list, as tokens. */
static void
push_words(struct buf *toks, const char *s, size_t len)
{
	size_t	 i, start;

	for (i = 0; i <= len; i++) {
		if (i < len && s[i] != ' ')
			continue;
		start = i;
		while (start > 0 && s[start - 1] != ' ')
			start--;
		if (i > start)
			push_plain(toks, s + start, i - start);
	}
}

static void	push_word(struct buf *, const char *, size_t);

/*
 * A word with an emoji in it (SG_HIDDEN, see hide_emoji()): a hidden
 * letter if the word, starred, is one the aliases know ("k💀ll" reads
 * "k*ll"); else the emoji only parted two words ("me😭again").
 */
static void
push_hidden(struct buf *toks, const char *w, size_t n)
{
	const struct sg_alias	*a;
	char			 word[SG_WORD_MAX];
	size_t			 i, start;

	memcpy(word, w, n);
	for (i = 0; i < n; i++)
		if ((unsigned char)word[i] == SG_HIDDEN)
			word[i] = '*';
	if ((a = alias_of(word, n)) != NULL) {
		push_words(toks, a->to, strlen(a->to));
		return;
	}
	for (i = start = 0; i <= n; i++)
		if (i == n || (unsigned char)w[i] == SG_HIDDEN) {
			if (i > start)
				push_word(toks, w + start, i - start);
			start = i + 1;
		}
}

/*
 * One typed word as one or more tokens: an alias as typed ("some1"),
 * else with digits read as letters ("k1ll"), else squeezed ("hiiit").
 */
static void
push_word(struct buf *toks, const char *w, size_t n)
{
	const struct sg_alias	*a;
	char			 word[SG_WORD_MAX], sq[SG_WORD_MAX];
	size_t			 sn;

	if (n >= SG_WORD_MAX) {
		push_plain(toks, w, n);
		return;
	}
	if (memchr(w, SG_HIDDEN, n) != NULL) {
		push_hidden(toks, w, n);
		return;
	}
	memcpy(word, w, n);
	if ((a = alias_of(word, n)) == NULL) {
		unleet(word, n);
		if ((a = alias_of(word, n)) == NULL) {
			sn = squeeze(word, n, sq);
			if ((a = alias_of(sq, sn)) == NULL) {
				push_plain(toks, sq, sn);
				return;
			}
		}
	}
	push_words(toks, a->to, strlen(a->to));
}

/*
 * A word spelt out a letter at a time ("k m s", "k.i.l.l"): if the run
 * of one-letter words at p, three or more, reads as a word the scanner
 * knows, that word is put in joined and the end of the run returned.
 * Otherwise NULL ("u r a" stays three words).
 */
static const char *
spelt_out(const char *p, char *joined, size_t *len)
{
	const struct sg_slot	*s;
	char			 sq[SG_WORD_MAX];
	size_t			 n, sn;

	for (n = 0; n < SG_WORD_MAX - 1 && p[0] != '\0' && p[0] != ' ' &&
	    p[1] == ' '; p += 2) {
		joined[n++] = p[0];
		while (p[2] == ' ')
			p++;
	}
	if (n < 3)
		return (NULL);
	*len = n;
	if (alias_of(joined, n) != NULL)
		return (p);
	sn = squeeze(joined, n, sq);
	s = slot_get(hash_word(sq, stem(sq, sn)));
	return (s != NULL && s->mask != 0 ? p : NULL);
}

/* Bytes of an emoji, a variation selector or a joiner at p, or 0. */
static size_t
emoji_len(const unsigned char *p)
{
	if (p[0] == 0xF0 && p[1] == 0x9F && p[2] >= 0x80 && p[2] <= 0xBF &&
	    p[3] >= 0x80 && p[3] <= 0xBF)
		return (4);
	if ((p[0] == 0xEF && p[1] == 0xB8 && p[2] == 0x8F) ||
	    (p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x8D))
		return (3);
	return (0);
}

static int
ascii_letter(unsigned char c)
{
	return ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

/*
 * The text with every emoji between two letters ("k💀ll", "su🔪cide")
 * put as SG_HIDDEN, which the normaliser keeps in the word; elsewhere
 * an emoji still parts words. push_hidden() reads it. SG_HIDDEN is
 * never UTF-8, so one typed (broken text) is put as another such byte:
 * a word of them alone must still be a word.
 */
static void
hide_emoji(const char *text, struct buf *out)
{
	const unsigned char	*p = (const unsigned char *)text, *q;
	size_t			 n;

	for (; *p != '\0'; p++) {
		if (*p == SG_HIDDEN) {
			buf_putc(out, (char)0xFE);
			continue;
		}
		if (p == (const unsigned char *)text || !ascii_letter(p[-1]) ||
		    emoji_len(p) != 4) {
			buf_putc(out, (char)*p);
			continue;
		}
		for (q = p; (n = emoji_len(q)) > 0; q += n)
			;
		if (!ascii_letter(*q)) {
			buf_append(out, p, (size_t)(q - p));
			p = q - 1;
			continue;
		}
		buf_putc(out, (char)SG_HIDDEN);
		p = q - 1;
	}
}

/*
 * Tokens of any text, framed by a START token before the first word and
 * an END token after the last if asked; the caller frees toks. Returns
 * the count.
 */
static size_t
tokenise(const char *text, struct buf *toks, int framed)
{
	struct buf	 hidden, norm;
	struct sg_tok	 end, start;
	const char	*p, *e;
	char		 joined[SG_WORD_MAX];
	size_t		 jn;

	buf_init(&hidden, strlen(text) + 1);
	hide_emoji(text, &hidden);
	buf_init(&norm, strlen(text) + 3);
	safeguarding_normalise(buf_cstr(&hidden), &norm);
	buf_free(&hidden);
	p = buf_cstr(&norm);
	if (framed) {
		start.hash = 1;	/* no word hashes to 1 (hash_word) */
		start.mask = 1ULL << C_START;
		buf_append(toks, &start, sizeof(start));
	}
	for (;;) {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		if ((e = spelt_out(p, joined, &jn)) != NULL) {
			push_word(toks, joined, jn);
			p = e;
			continue;
		}
		e = strchr(p, ' ');
		push_word(toks, p, (size_t)(e - p));
		p = e;
	}
	if (framed) {
		end.hash = 1;
		end.mask = 1ULL << C_END;
		buf_append(toks, &end, sizeof(end));
	}
	buf_free(&norm);
	return (toks->len / sizeof(struct sg_tok));
}

static int
class_index(const char *name, size_t n)
{
	size_t	 i;

	for (i = 0; i < NELEMS(classes); i++)
		if (classes[i].name != NULL && strlen(classes[i].name) == n &&
		    memcmp(classes[i].name, name, n) == 0)
			return ((int)i);
	if (n == 3 && memcmp(name, "NUM", 3) == 0)
		return (63);
	return (-1);
}

/* One literal word of a pattern: its single token's hash, or 0. */
static uint64_t
literal_hash(const char *w, size_t n)
{
	struct buf	 toks;
	uint64_t	 h = 0;

	buf_init(&toks, 64);
	push_word(&toks, w, n);
	if (toks.len == sizeof(struct sg_tok))
		h = ((struct sg_tok *)(void *)toks.data)->hash;
	buf_free(&toks);
	return (h);
}

/* "PERSON ~3 HARM|hit" into p; -1 if the pattern is malformed. */
static int
compile_pattern(const char *s, struct sg_pat *p)
{
	const char	*e, *a;
	struct sg_el	*el;
	size_t		 n;
	int		 c, gap = 0;

	memset(p, 0, sizeof(*p));
	for (; *s != '\0'; s = e) {
		while (*s == ' ')
			s++;
		if ((e = strchr(s, ' ')) == NULL)
			e = s + strlen(s);
		if (e == s)
			break;
		if (*s == '~') {
			gap = atoi(s + 1);
			continue;
		}
		if (p->n == SG_EL_MAX)
			return (-1);
		el = &p->el[p->n++];
		el->gap = gap;
		gap = 0;
		for (a = s; a < e; a += n + 1) {
			n = strcspn(a, "| ");
			if (a + n > e)
				n = (size_t)(e - a);
			if (isupper((unsigned char)*a)) {
				if ((c = class_index(a, n)) < 0)
					return (-1);
				el->mask |= 1ULL << c;
			} else {
				if (el->nlit == SG_ALT_MAX ||
				    (el->lit[el->nlit] = literal_hash(a, n))
				    == 0)
					return (-1);
				el->bloom |= 1ULL << (el->lit[el->nlit] & 63);
				el->nlit++;
			}
		}
	}
	return (p->n > 0 ? 0 : -1);
}

static void
add_class_words(int c, const char *words)
{
	struct buf	 toks;
	struct sg_tok	*t;
	struct sg_slot	*s;
	size_t		 i, n;

	buf_init(&toks, 256);
	n = tokenise(words, &toks, 0);
	t = (struct sg_tok *)(void *)toks.data;
	for (i = 0; i < n; i++) {
		s = slot_find(t[i].hash);
		s->hash = t[i].hash;
		s->mask |= 1ULL << c;
	}
	buf_free(&toks);
}

/*
 * Build the tables once: aliases first (class words and literals are
 * read through them), then classes, then patterns.
 */
static void
compile(void)
{
	struct sg_slot	*s;
	size_t		 i;
	uint64_t	 h;

	if (compiled)
		return;
	compiled = 1;
	for (i = 0; i < NELEMS(aliases); i++) {
		h = hash_word(aliases[i].from, strlen(aliases[i].from));
		s = slot_find(h);
		if (s->hash == h && s->alias != 0)
			continue;	/* first entry wins */
		s->hash = h;
		s->alias = (int)i + 1;
	}
	for (i = 0; i < NELEMS(classes); i++)
		if (classes[i].words != NULL)
			add_class_words((int)i, classes[i].words);
	/* A broken pattern matches nothing; the unit test names it. */
	for (i = 0; i < NELEMS(rules); i++)
		if (compile_pattern(rules[i].pattern, &rule_pats[i]) == -1) {
			rule_pats[i].n = 0;
			if (compile_error == NULL)
				compile_error = rules[i].name;
		}
	for (i = 0; i < NELEMS(idioms); i++)
		if (compile_pattern(idioms[i], &idiom_pats[i]) == -1) {
			idiom_pats[i].n = 0;
			if (compile_error == NULL)
				compile_error = idioms[i];
		}
	rule_index = sg_index_new(rule_pats, NELEMS(rules));
	idiom_index = sg_index_new(idiom_pats, NELEMS(idioms));
}

/* NULL, or the name of the first built-in rule that does not compile. */
const char *
safeguarding_rules_check(void)
{
	compile();
	return (compile_error);
}

static int
el_match(const struct sg_el *el, const struct sg_tok *t)
{
	int	 i;

	if (el->mask & t->mask)
		return (1);
	if ((el->bloom & (1ULL << (t->hash & 63))) == 0)
		return (0);
	for (i = 0; i < el->nlit; i++)
		if (el->lit[i] == t->hash)
			return (1);
	return (0);
}

/*
 * Find p in the tokens, one pass: last[k] is the latest token where the
 * first k + 1 elements matched in order within their gaps. Returns 1 and
 * the span of the first match, or 0.
 */
static int
pat_match(const struct sg_pat *p, const struct sg_tok *t, size_t n,
    size_t *from, size_t *to)
{
	ssize_t		 last[SG_EL_MAX], start[SG_EL_MAX];
	size_t		 i;
	int		 k;

	if (p->n == 0)
		return (0);
	for (k = 0; k < p->n; k++)
		last[k] = -1;
	for (i = 0; i < n; i++) {
		if (t[i].hash == 0)
			continue;
		for (k = p->n - 1; k >= 0; k--) {
			/* Only where the elements before could lead here. */
			if (k > 0 && (last[k - 1] < 0 || (ssize_t)i -
			    last[k - 1] - 1 > p->el[k].gap))
				continue;
			if (!el_match(&p->el[k], &t[i]))
				continue;
			if (k == 0)
				last[0] = start[0] = (ssize_t)i;
			else {
				last[k] = (ssize_t)i;
				start[k] = start[k - 1];
			}
			if (k == p->n - 1) {
				*from = (size_t)start[k];
				*to = i;
				return (1);
			}
		}
	}
	return (0);
}

/*
 * Blank every word of every idiom, however often it occurs. Only idioms
 * the index finds in the words as they were can match: blanking an
 * earlier idiom's words never makes a later one match.
 */
static void
blank_idioms(struct sg_tok *t, size_t n)
{
	unsigned char	 found[NELEMS(idioms)];
	size_t		 i, from, to, at;

	sg_index_match(idiom_index, t, n, found);
	for (i = 0; i < NELEMS(idioms); i++) {
		if (!found[i])
			continue;
		at = 0;
		while (at < n && pat_match(&idiom_pats[i], t + at, n - at,
		    &from, &to)) {
			memset(t + at + from, 0, (to - from + 1) *
			    sizeof(*t));
			at += to + 1;
		}
	}
}

static void
add_name(struct buf *out, const char *topic, const char *name, int *hits)
{
	struct buf	 item;
	const char	*p, *all;
	size_t		 n;

	buf_init(&item, 64);
	buf_appendf(&item, "%s:%s", topic, name);
	n = item.len;
	all = buf_cstr(out);
	for (p = all; (p = strstr(p, buf_cstr(&item))) != NULL; p += n)
		if ((p == all || p[-1] == ',') && (p[n] == ',' ||
		    p[n] == '\0')) {
			buf_free(&item);
			return;
		}
	if (out->len > 0)
		buf_putc(out, ',');
	buf_append(out, item.data, item.len);
	buf_free(&item);
	(*hits)++;
}

/* An admin phrase, read once as the matcher reads it. */
struct sg_phrase {
	size_t		 tok;		/* first token in the list's toks */
	size_t		 ntok;
	int		 idiom;		/* the phrase is itself an idiom */
	uint64_t	 sig;		/* "ran away" and "running away" */
	size_t		 topic;		/* offsets in the list's strs */
	size_t		 name;		/* normalised */
};

struct sg_phrases {
	struct sg_phrase	*p;
	size_t			 n;
	struct buf		 toks;
	struct buf		 strs;	/* topics and names, NUL-ended */
};

/* Is the phrase, read alone as a whole text would be, all idiom? */
static int
all_idiom(const struct sg_tok *ph, size_t pn)
{
	struct buf	 own;
	struct sg_tok	 end, *t;
	size_t		 i;
	int		 idiom;

	end.hash = 1;
	end.mask = 1ULL << C_END;
	buf_init(&own, (pn + 1) * sizeof(*ph));
	buf_append(&own, ph, pn * sizeof(*ph));
	buf_append(&own, &end, sizeof(end));
	t = (struct sg_tok *)(void *)own.data;
	blank_idioms(t, pn + 1);
	for (i = 0, idiom = 1; i < pn; i++)
		if (t[i].hash != 0)
			idiom = 0;
	buf_free(&own);
	return (idiom);
}

/*
 * Compile the admin phrases (phrases[i] under topics[i]) for
 * safeguarding_scan_with(): the tokens, and whether each is an idiom,
 * are worked out here once instead of on every scan.
 */
struct sg_phrases *
safeguarding_phrases_compile(const char *const *phrases,
    const char *const *topics, size_t n)
{
	struct sg_phrases	*c;
	struct sg_phrase	*ph;
	struct buf		 norm;
	size_t			 i;

	compile();
	if ((c = calloc(1, sizeof(*c))) == NULL ||
	    (c->p = calloc(n + 1, sizeof(*c->p))) == NULL)
		abort();
	buf_init(&c->toks, 64 * (n + 1));
	buf_init(&c->strs, 32 * (n + 1));
	buf_init(&norm, 64);
	for (i = 0; i < n; i++) {
		ph = &c->p[i];
		ph->tok = c->toks.len / sizeof(struct sg_tok);
		ph->ntok = tokenise(phrases[i], &c->toks, 0) - ph->tok;
		ph->sig = hash_word(c->toks.data + ph->tok *
		    sizeof(struct sg_tok), ph->ntok * sizeof(struct sg_tok));
		ph->idiom = all_idiom((struct sg_tok *)(void *)c->toks.data +
		    ph->tok, ph->ntok);
		buf_reset(&norm);
		safeguarding_normalise(phrases[i], &norm);
		ph->topic = c->strs.len;
		buf_append(&c->strs, topics[i], strlen(topics[i]) + 1);
		/* " word word " is named "word word". */
		ph->name = c->strs.len;
		buf_append(&c->strs, norm.data + 1, norm.len > 1 ?
		    norm.len - 2 : 0);
		buf_putc(&c->strs, '\0');
	}
	c->n = n;
	buf_free(&norm);
	return (c);
}

void
safeguarding_phrases_free(struct sg_phrases *c)
{
	if (c == NULL)
		return;
	buf_free(&c->toks);
	buf_free(&c->strs);
	free(c->p);
	free(c);
}

/*
 * Does the phrase appear word for word in the text (t)? An occurrence
 * that lies wholly inside an idiom (blanked in b) does not count, unless
 * the phrase is itself such an idiom: then the admin asked for it.
 */
static int
phrase_match(const struct sg_tok *t, const struct sg_tok *b, size_t n,
    const struct sg_tok *ph, size_t pn, int idiom)
{
	size_t	 i, j, blank;

	if (pn == 0 || pn > n)
		return (0);
	for (i = 0; i + pn <= n; i++) {
		for (j = blank = 0; j < pn && t[i + j].hash == ph[j].hash; j++)
			blank += b[i + j].hash == 0;
		if (j == pn && (idiom || blank < pn))
			return (1);
	}
	return (0);
}

/*
 * For the tests: 1 if the index finds just the idioms and rules in text
 * that trying each in turn finds, else 0.
 */
int
safeguarding_index_agrees(const char *text)
{
	struct buf	 toks;
	struct sg_tok	*t;
	unsigned char	 rule_hit[NELEMS(rules)], idiom_hit[NELEMS(idioms)];
	size_t		 i, n, from, to;
	int		 same = 1;

	compile();
	buf_init(&toks, 1024);
	n = tokenise(text, &toks, 1);
	t = (struct sg_tok *)(void *)toks.data;
	sg_index_match(idiom_index, t, n, idiom_hit);
	for (i = 0; i < NELEMS(idioms); i++)
		if (idiom_hit[i] != pat_match(&idiom_pats[i], t, n, &from,
		    &to))
			same = 0;
	blank_idioms(t, n);
	sg_index_match(rule_index, t, n, rule_hit);
	for (i = 0; i < NELEMS(rules); i++)
		if (rule_hit[i] != pat_match(&rule_pats[i], t, n, &from, &to))
			same = 0;
	buf_free(&toks);
	return (same);
}

/*
 * Scan text against the built-in rules and the compiled admin phrases.
 * Appends "topic:rule" for each built-in rule and "topic:phrase" for
 * each admin phrase that matched, comma-separated, each once; returns
 * how many it appended.
 */
int
safeguarding_scan_with(const char *text, const struct sg_phrases *c,
    struct buf *out)
{
	struct buf		 toks, blanked, seen;
	const struct sg_phrase	*ph;
	struct sg_tok		*t, *b;
	unsigned char		 found[NELEMS(rules)];
	size_t			 i, n;
	int			 hits = 0;

	compile();
	buf_init(&toks, 1024);
	buf_init(&seen, 64);
	n = tokenise(text, &toks, 1);
	buf_init(&blanked, toks.len + 1);
	buf_append(&blanked, toks.data, toks.len);
	t = (struct sg_tok *)(void *)toks.data;
	b = (struct sg_tok *)(void *)blanked.data;
	blank_idioms(b, n);
	sg_index_match(rule_index, b, n, found);
	for (i = 0; i < NELEMS(rules); i++)
		if (found[i])
			add_name(out, rules[i].topic, rules[i].name, &hits);
	for (i = 0; c != NULL && i < c->n; i++) {
		ph = &c->p[i];
		if (!phrase_match(t, b, n, (const struct sg_tok *)(const void *)
		    c->toks.data + ph->tok, ph->ntok, ph->idiom))
			continue;
		if (memmem(seen.data, seen.len, &ph->sig,
		    sizeof(ph->sig)) != NULL)
			continue;
		buf_append(&seen, &ph->sig, sizeof(ph->sig));
		add_name(out, c->strs.data + ph->topic, c->strs.data +
		    ph->name, &hits);
	}
	buf_free(&toks);
	buf_free(&blanked);
	buf_free(&seen);
	return (hits);
}

/* The same, compiling the phrases for this one scan (tests, fuzzer). */
int
safeguarding_scan(const char *text, const char *const *phrases,
    const char *const *topics, size_t nphrases, struct buf *out)
{
	struct sg_phrases	*c;
	int			 hits;

	c = safeguarding_phrases_compile(phrases, topics, nphrases);
	hits = safeguarding_scan_with(text, c, out);
	safeguarding_phrases_free(c);
	return (hits);
}

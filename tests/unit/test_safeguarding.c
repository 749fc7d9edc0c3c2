/*
 * test_safeguarding.c: the matcher against the shipped phrase list, the
 * built-in rules and two corpora (tests/data). Recall comes first: the
 * corpus test fails under 95% of risky lines caught, or over 10% of
 * ordinary lines flagged, and prints both rates and every line it got
 * wrong, because a false alarm costs a worker a minute and a miss can
 * cost far more.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "unitdb.h"

#include "safeguarding.h"

UNITDB_GROUP("/tmp/portal-sg-XXXXXX")

static void
run_corpus(const char *path, int want, int *matched, int *total)
{
	struct buf	 topics;
	char		 line[1024];
	FILE		*fp;
	int		 hit;

	fp = fopen(path, "r");
	assert_non_null(fp);
	*matched = *total = 0;
	buf_init(&topics, 64);
	while (fgets(line, sizeof(line), fp) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '\0' || line[0] == '#')
			continue;
		/* A "theme|" label would be scanned as one of the words. */
		if (line[strspn(line, "abcdefghijklmnopqrstuvwxyz_")] == '|')
			fail_msg("label in %s: \"%s\"", path, line);
		/* The one-pass index finds what each rule alone would. */
		if (!safeguarding_index_agrees(line))
			fail_msg("index and rules differ: \"%s\"", line);
		buf_reset(&topics);
		hit = safeguarding_match(db, line, &topics);
		assert_true(hit >= 0);
		(*total)++;
		if (hit > 0)
			(*matched)++;
		if ((hit > 0) != want)
			printf("  %s: \"%s\"%s%s\n", want ? "missed" : "flagged",
			    line, hit ? " -> " : "", buf_cstr(&topics));
	}
	buf_free(&topics);
	fclose(fp);
}

static void
corpus_recall_and_false_positives(void **state)
{
	int	 caught, risky, flagged, ordinary;

	(void)state;
	run_corpus("tests/data/safeguarding_risk.txt", 1, &caught, &risky);
	run_corpus("tests/data/safeguarding_benign.txt", 0, &flagged,
	    &ordinary);
	printf("safeguarding corpus: recall %.1f%% (%d/%d), false positives "
	    "%.1f%% (%d/%d)\n", 100.0 * caught / risky, caught, risky,
	    100.0 * flagged / ordinary, flagged, ordinary);
	assert_true(risky >= 200);
	assert_true(ordinary >= 200);
	assert_true(caught * 100 >= risky * 95);
	assert_true(flagged * 100 <= ordinary * 10);
}

/* text, an ordinary message, flags nothing. */
static void
stays_clear(struct buf *out, const char *text)
{
	buf_reset(out);
	if (safeguarding_match(db, text, out) != 0)
		fail_msg("\"%s\" gave \"%s\"", text, buf_cstr(out));
}

/* text flags, and under a rule or topic whose name holds want. */
static void
flags_as(struct buf *out, const char *text, const char *want)
{
	buf_reset(out);
	assert_true(safeguarding_match(db, text, out) > 0);
	if (strstr(buf_cstr(out), want) == NULL)
		fail_msg("\"%s\" gave \"%s\", not %s", text, buf_cstr(out),
		    want);
}

/* Issue 11, repro item 3: each of these was missed; the last was flagged. */
static void
issue_11_phrases(void **state)
{
	static const struct {
		const char	*text;
		const char	*rule;
	} want[] = {
		{ "my carer punches me", "abuse:person-near-hit" },
		{ "he smacks me", "abuse:person-near-hit" },
		{ "she grabs my arm", "abuse:person-near-hit" },
		{ "he hit my little sister", "abuse:person-near-hit" },
		{ "kms", "suicide:kill-myself" },
		{ "unalive myself", "suicide:kill-myself" },
		{ "i cant go on anymore", "suicide:cant-go-on" },
		{ "take all my tablets tonight", "suicide:tablets" },
		{ "nowhere to stay tonight", "missing:nowhere-to-sleep" },
		{ "a man in his 20s keeps messaging me", "sexual:older-age" },
		{ "my carers boyfriend comes into my room at night",
		    "sexual:room-at-night" },
	};
	struct buf	 out;
	size_t		 i;

	(void)state;
	buf_init(&out, 64);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		flags_as(&out, want[i].text, want[i].rule);
	buf_reset(&out);
	assert_int_equal(safeguarding_match(db, "a gang of us went bowling",
	    &out), 0);
	assert_string_equal(buf_cstr(&out), "");
	buf_free(&out);
}

/*
 * Disclosures a safeguarding lead found read as clear, each under its
 * topic; and the ordinary lines beside them, which must stay clear.
 */
static void
lead_found_clear(void **state)
{
	static const struct {
		const char	*text;
		const char	*topic;
	} want[] = {
		{ "i want to slit my wrists", "suicide:" },
		{ "i want to drink bleach", "suicide:" },
		{ "i'm going to throw myself off the roof", "suicide:" },
		{ "i wanna sewer slide", "suicide:" },
		{ "i want 2 dye", "suicide:" },
		{ "end me", "suicide:" },
		{ "i want out of this life", "suicide:" },
		{ "i wish i wasnt born", "suicide:" },
		{ "i might as well be dead", "suicide:" },
		{ "i hate myself", "self_harm:" },
		{ "i got sa'd", "sexual:" },
		{ "i was sa", "sexual:" },
		{ "he made me suck", "sexual:" },
		{ "i get touched", "sexual:" },
		{ "they told me to keep it a secret", "sexual:" },
		{ "theres a man who picks me up from school and gives me money",
		    "sexual:" },
		{ "he wants to meet up and hes 30", "sexual:" },
		{ "he put my pics on snap", "sexual:" },
		{ "someone filmed me", "sexual:" },
		{ "i took drugs and cant remember what happened", "sexual:" },
		{ "me stepdad leathers me", "abuse:" },
		{ "mum's bf is violent", "abuse:" },
		{ "my carer drinks all the time and gets angry", "neglect:" },
		{ "my carer takes my money", "abuse:" },
		{ "they give me stuff to hold", "exploitation:" },
		{ "im leavin and not comin back", "missing:" },
		{ "i've been sleeping at a mates for a week and my carers dont "
		    "know", "missing:" },
		{ "they took my phone and said theyll find me", "violence:" },
		{ "help me", "help:" },
		{ "pls help", "help:" },
		{ "no one believes me", "help:" },
	};
	static const char *const ordinary[] = {
		"the bus is so late im gonna die",
		"my mate got hit by a car last year",
		"we watched a film about knives in school",
		"we need self harm awareness training for carers",
		"help me with my homework",
		"can someone help me find the form",
		"i want to dye my hair pink",
		"at the end me and my mates went to the chippy",
		"i hate self checkouts at tesco",
	};
	struct buf	 out;
	size_t		 i;

	(void)state;
	buf_init(&out, 64);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		flags_as(&out, want[i].text, want[i].topic);
	for (i = 0; i < sizeof(ordinary) / sizeof(ordinary[0]); i++)
		stays_clear(&out, ordinary[i]);
	/*
	 * Flagged on purpose: the matcher cannot see where a sentence ends,
	 * so "end me. this is too hard" and "end me. i cant do this" read
	 * alike; and self-hatred is flagged whatever the reason given.
	 */
	buf_reset(&out);
	assert_true(safeguarding_match(db, "end me this maths is too hard",
	    &out) > 0);
	buf_reset(&out);
	assert_true(safeguarding_match(db, "i hate myself for missing the bus",
	    &out) > 0);
	buf_free(&out);
}

/*
 * Review 90, a safeguarding lead's held-out set: rules that once had to
 * end the text now read on ("he forced me and now"), threats to someone
 * else, harms by their plain names, starred and spelt-out words, and
 * Polish and Romanian. The ordinary lines are the false alarms it found.
 */
static void
lead_review_90(void **state)
{
	static const struct {
		const char	*text;
		const char	*topic;
	} want[] = {
		{ "he forced me and now im scared im pregnant", "sexual:" },
		{ "they'd kill me if i told a teacher", "violence:" },
		{ "i saw him punch mum in the face again", "abuse:" },
		{ "he said hes gonna kill mum if she leaves him", "violence:" },
		{ "i was trafficked", "exploitation:" },
		{ "modern slavery", "exploitation:" },
		{ "they keep my passport", "exploitation:" },
		{ "im being sextorted", "sexual:" },
		{ "i owe a loan shark", "exploitation:" },
		{ "dv at home", "abuse:" },
		{ "he's got my pics", "sexual:" },
		{ "he says he'll break my legs", "abuse:" },
		{ "i have to marry my cousin", "abuse:" },
		{ "they keep sayin shaadi and i never agreed", "abuse:" },
		{ "some guys moved into my flat and are dealing from it",
		    "exploitation:" },
		{ "got my tablets saved up just in case", "suicide:" },
		{ "she says im a waste of space", "abuse:" },
		{ "i wont be around much longer", "suicide:" },
		{ "i wrote letters for when im gone", "suicide:" },
		{ "i want to k*ll myself", "suicide:" },
		{ "s*icide", "suicide:" },
		{ "i want to be de*d", "suicide:" },
		{ "i dnt wna live", "suicide:" },
		{ "k i l l  m y s e l f", "suicide:" },
		{ "tata mnie bije", "abuse:" },
		{ "mama płacze bo on ją bije", "abuse:" },
		{ "trebuie sa ma marit", "abuse:" },
	};
	static const char *const ordinary[] = {
		"in cooking club we learned to chop onions with a sharp knife",
		"got hit in the face by a football in PE lol just a bruise",
		"film night was about a boy who runs away to join the circus",
		"scared of my exams next week",
		"i need help with budgeting now i've left care",
		"i cant go on the trip and im gutted",
		"my carer keeps my passport safe",
		"we learned about modern slavery in history",
		"this is sh*t",
		"my brother broke my nose playing football",
	};
	struct buf	 out;
	size_t		 i;

	(void)state;
	buf_init(&out, 64);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		flags_as(&out, want[i].text, want[i].topic);
	for (i = 0; i < sizeof(ordinary) / sizeof(ordinary[0]); i++)
		stays_clear(&out, ordinary[i]);
	/* Kept flagged on purpose: "wanted to die" is not read as a joke. */
	buf_reset(&out);
	assert_true(safeguarding_match(db, "that assembly was so boring i "
	    "wanted to die", &out) > 0);
	buf_free(&out);
}

/*
 * Review 99, a safeguarding lead's second held-out set: rape in swear
 * words, harm to a sister or a friend, care words, an emoji for a word
 * or a letter, neglect of medicine and food, exploitation, forced
 * marriage and emotional abuse, in English, Polish, Welsh, Romanian and
 * Arabic. The ordinary lines are the false alarms it found, and lines
 * beside the new rules.
 */
static void
lead_review_99(void **state)
{
	static const struct {
		const char	*text;
		const char	*rule;
	} want[] = {
		{ "he fucked me when i said no", "sexual:when-i-said-no" },
		{ "he f***ed me when i said no", "sexual:when-i-said-no" },
		{ "my little sister says grandad puts his hand down her "
		    "knickers", "sexual:hand-in-clothes" },
		{ "my stepdad makes my sister do stuff to him",
		    "sexual:made-do-stuff-to-him" },
		{ "i sent him a pic \xf0\x9f\x98\xb3 and now hes saying hell "
		    "share it", "sexual:will-share-pic" },
		{ "my supported lodgings host keeps coming in my room at night "
		    "when im asleep", "sexual:room-at-night" },
		{ "staff member at the home keeps sending me kisses",
		    "sexual:sends-kisses" },
		{ "the man at the shop said i look sexy in my school uniform",
		    "sexual:look-fit-in-uniform" },
		{ "my key worker said i look fit in my uniform",
		    "sexual:look-fit-in-uniform" },
		{ "is it normal for a carer to watch u in the shower",
		    "sexual:watches-me" },
		{ "i want to \xf0\x9f\x92\x80 myself", "suicide:emoji-verb" },
		{ "k\xf0\x9f\x92\x80ll myself", "suicide:kill-myself" },
		{ "dw ill be gone soon anyway", "suicide:gone-soon" },
		{ "i wont be here soon", "suicide:not-here-soon" },
		{ "chce umrzec", "suicide:pl-want-to-die" },
		{ "chc\xc4\x99 umrze\xc4\x87", "suicide:pl-want-to-die" },
		{ "chce sie zabic", "suicide:pl-kill-myself" },
		{ "mae'n well gen i farw", "suicide:cy-rather-die" },
		{ "my carer doesnt give me my meds", "neglect:no-meds" },
		{ "they wont give me my medication", "neglect:no-meds" },
		{ "i have to go in the bins for food",
		    "neglect:food-from-bins" },
		{ "she goes out drinking and leaves me with my baby brother "
		    "who is 1", "neglect:left-with-baby" },
		{ "i have to work in the cannabis farm and cant leave",
		    "exploitation:cannabis-farm" },
		{ "i have to work in the nail bar and cant leave",
		    "exploitation:work-cant-leave" },
		{ "he brought me from albania and makes me work",
		    "exploitation:brought-to-work" },
		{ "parintii vor sa ma marite cu un om mai in varsta",
		    "abuse:ro-marry-me" },
		{ "if i dont marry him they will disown me or worse",
		    "abuse:marry-or-else" },
		{ "baba yadrub mama every night", "abuse:ar-hits" },
		{ "my carer says im worthless", "abuse:says-im-worthless" },
		{ "they say i'm a devil", "abuse:says-im-worthless" },
		{ "if i tell my social worker anything i'll never see my "
		    "brother again", "unsafe:told-not-to-speak" },
		{ "im not coming back to placement tonight",
		    "missing:not-coming-back" },
		{ "i got a phone given to me and have to answer it whenever it "
		    "rings", "exploitation:gave-me-a-phone" },
		{ "i have to take packages places",
		    "exploitation:packages-places" },
		{ "they said im gonna get merked", "violence:merked" },
		{ "my carer is fine mostly except when her husband has a drink "
		    "then he puts his hands on me and i go to my room",
		    "abuse:hands-on-me" },
	};
	static const char *const ordinary[] = {
		"he fucked me over when i said no to lending him money",
		("this homework is fucking hard and i said no to my mate "
		    "helping"),
		("i sent my mum a pic from the trip and she said shes going to "
		    "frame it"),
		"my nan keeps sending me kisses on whatsapp",
		"my mate said i look fit in my new trainers",
		"i want a room to myself",
		"i talk to myself when im revising",
		"lol\xf0\x9f\x98\x82so funny",
		"the snow will be gone soon",
		"wole pizze niz burgery",
		"we have a bin for food waste at school",
		"we watched a documentary about cannabis farms",
		"sora mea se marita in august",
		"my nan says im a little devil",
		"i made a mistake on my form",
		"im not coming back to youth club again its boring",
		"i have to answer my phone whenever my mum rings",
		"he merked me at fifa",
		"he put his hand on my shoulder to say well done",
		"she put her hands on her hips and laughed",
		"he put his hands on her shoulders in the dance",
	};
	const char	*phrases[] = { "\xff\xff" }, *topics[] = { "abuse" };
	struct buf	 out;
	size_t		 i;

	(void)state;
	buf_init(&out, 64);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		flags_as(&out, want[i].text, want[i].rule);
	for (i = 0; i < sizeof(ordinary) / sizeof(ordinary[0]); i++)
		stays_clear(&out, ordinary[i]);
	/* A byte that is never UTF-8, typed, is still part of a word. */
	buf_reset(&out);
	assert_int_equal(safeguarding_scan("\xff\xff", phrases, topics, 1,
	    &out), 1);
	buf_free(&out);
}

/*
 * Review 99's false alarms: "do it" at the end is suicide only after
 * words of dying, a talk or a lesson about a harm is not a disclosure,
 * and "locked out" of an account is not out of the house. And its
 * wrong labels: a threat to kill, from someone else, is a threat.
 */
static void
review_99_false_alarms(void **state)
{
	static const struct {
		const char	*text;
		const char	*rule;
	} want[] = {
		{ "he said hes going to kill us all", "violence:threat-to-me" },
		{ "someone made a group chat saying they will kill me",
		    "violence:threat-to-me" },
		{ "kill me", "suicide:kill-me-now" },
		{ "just kill me", "suicide:kill-me-now" },
		{ "kill me now", "suicide:kill-me-now" },
		{ "i just want someone to kill me", "suicide:kill-me-now" },
		{ "i've planned how i'd do it", "suicide:planned-how" },
		{ "ive got the pills ready and im going to do it",
		    "suicide:do-it-end" },
		{ "i wrote my goodbye note and ill do it tbh",
		    "suicide:do-it-end" },
		{ "i get locked out if i come home late", "neglect:locked-out" },
		{ "they make me do county lines", "exploitation:county-lines" },
	};
	static const char *const ordinary[] = {
		("drugs education lesson was boring they should ask young "
		    "people to do it"),
		"i got locked out of my school email can someone help",
		"we did a county lines talk at school and it was really good",
		"we learned about county lines in pshe",
		"knife crime awareness assembly was good",
		"we had a talk about drugs and they asked us to do it again",
		"this maths test is going to kill me",
		"my brother said hes going to kill me at fifa",
		"i decided how to do it for my art project",
		"i'll do it",
		"my carer doesnt give me my meds she lets me do it myself",
	};
	static const char *const threats[] = {
		"he said hes going to kill us all",
		"someone made a group chat saying they will kill me",
		"they will kill me",
	};
	struct buf	 out;
	size_t		 i;

	(void)state;
	buf_init(&out, 64);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		flags_as(&out, want[i].text, want[i].rule);
	for (i = 0; i < sizeof(ordinary) / sizeof(ordinary[0]); i++)
		stays_clear(&out, ordinary[i]);
	for (i = 0; i < sizeof(threats) / sizeof(threats[0]); i++) {
		buf_reset(&out);
		assert_true(safeguarding_match(db, threats[i], &out) > 0);
		if (strstr(buf_cstr(&out), "suicide:") != NULL)
			fail_msg("\"%s\" gave \"%s\"", threats[i],
			    buf_cstr(&out));
	}
	buf_free(&out);
}

/* text flags, but under no rule or topic whose name holds wrong. */
static void
flags_not_as(struct buf *out, const char *text, const char *wrong)
{
	buf_reset(out);
	assert_true(safeguarding_match(db, text, out) > 0);
	if (strstr(buf_cstr(out), wrong) != NULL)
		fail_msg("\"%s\" gave \"%s\"", text, buf_cstr(out));
}

/*
 * Review 101, a safeguarding lead's third held-out set: "has" and "had"
 * read as "have", a brother or a sister locked in, threats and silencing
 * in other words, grooming with game money, a child's arranged marriage,
 * trafficking and cuckooing; its wrong labels ("weed" read as "wed", a
 * nappy as a bathroom) and its false alarms (pets, "ran out of").
 */
static void
lead_review_101(void **state)
{
	static const struct {
		const char	*text;
		const char	*rule;
	} want[] = {
		{ "he has my pics", "sexual:has-my-pics" },
		{ "he had my pics", "sexual:has-my-pics" },
		{ "he has my passport", "exploitation:keep-my-papers" },
		{ "she has to marry", "abuse:marry-cousin" },
		{ "my sister has to marry her cousin", "abuse:marry-cousin" },
		{ "i had to marry", "abuse:marry-cousin" },
		{ "my little brother gets locked in his room with no food",
		    "neglect:locked-in" },
		{ "she locks my sister in her room", "neglect:locked-in" },
		{ "they lock him in the shed", "neglect:locked-in" },
		{ "my little sisters nappy doesnt get changed all day",
		    "neglect:nappy-not-changed" },
		{ "rishta for me and i cant say no", "abuse:forced-marriage" },
		{ "they made me sell weed", "exploitation:" },
		{ "ive got nowhere to go next week", "missing:nowhere-to-go" },
		{ "im going to be on the streets friday",
		    "missing:live-on-street" },
		{ "dim isio byw dim mwy", "suicide:cy-not-live" },
		{ "is it normal for a grown up to make u keep secrets about "
		    "touching", "sexual:" },
		{ "he said if i tell he'll send me away and it was my fault "
		    "what he did to me", "unsafe:if-i-tell" },
		{ "he did stuff to me", "sexual:does-stuff-to-me" },
		{ "he keeps sending me robux and asking me to turn my cam on",
		    "exploitation:sent-me-gifts" },
		{ "he has my p1cs n says hell send em 2 my mum",
		    "sexual:will-share-pic" },
		{ "they put me on a train to a place i didnt know with a bag",
		    "exploitation:sent-somewhere-unknown" },
		{ "they said i have to bring 2 more kids from my school or else",
		    "exploitation:recruit-kids" },
		{ "hes gonna do me in when i get back to placement",
		    "violence:do-me-in" },
		{ "dad uses the wooden spoon on us when mum is out",
		    "abuse:hit-with" },
		{ "my baby brother gets left in the cot crying for hours while "
		    "mum sleeps", "neglect:baby-left-crying" },
		{ "police brought me back last night but im going again",
		    "missing:police-found-me" },
		{ "if i ran off would anyone even look for me", "missing:" },
		{ "at home visits my stepdad smashes stuff and mum has bruises",
		    "abuse:mum-has-bruises" },
		{ "is it normal that my dad checks mums phone and wont let her "
		    "leave the house", "abuse:controlled" },
		{ "my sister is 15 and theyre sorting her nikah with a man she "
		    "never met", "abuse:forced-marriage" },
		{ "is it normal to be engaged at 14 my uncle arranged it",
		    "abuse:forced-marriage" },
		{ "were going on holiday but i think its really for my wedding",
		    "abuse:forced-marriage" },
		{ "my friend from the hostel gets picked up in cars by "
		    "different men every night", "sexual:different-men" },
		{ "im not allowed to leave the house where i work",
		    "exploitation:work-not-allowed-out" },
		{ "the agent said i still have to pay 5000 or they find me",
		    "exploitation:pay-or-else" },
		{ "they sold me to another man", "exploitation:sold-me" },
		{ "people bring girls to the flat and they are not allowed out",
		    "exploitation:bring-girls" },
		{ "my semi-independent flat has people in it every night "
		    "selling and they wont leave", "exploitation:cuckooed" },
		{ "landlord says i can pay rent another way if you know what i "
		    "mean", "sexual:pay-another-way" },
		{ "im being forced to wed", "abuse:forced-marriage" },
	};
	static const struct {
		const char	*text;
		const char	*wrong;
	} labels[] = {
		{ "they made me sell weed", "forced-marriage" },
		{ "my little sisters nappy doesnt get changed all day",
		    "sexual:" },
		{ "rishta for me and i cant say no", "sexual:" },
	};
	static const char *const ordinary[] = {
		"we had a great time at the beach",
		"he had my back in the match",
		"i lock my bike in the shed at night",
		"my brother locks himself in his room to play xbox",
		"i pull up weeds every day for my nan",
		"they made me pull weeds in the garden",
		"my mum made me go to my cousins wedding",
		"i cant say no to pizza",
		"ran out of data again",
		"we ran out of milk again",
		"i ran out of credit tonight",
		"my mum keeps running out of money for the meter",
		"the cat ran away but came back",
		"my dog ran away",
		"my cat went missing for a day and came back",
		"the line at the canteen is so long we only get 10 mins to eat",
		"i did it tonight and passed my driving test",
		"what he did to me at christmas was so funny",
		"this heat is doing me in",
		"my nan bought me robux for my birthday",
		"the teacher asked me to turn my camera on in the lesson",
		"can i bring 2 more friends to the council meeting",
		"my carer uses a wooden spoon to make cakes",
		"i sold my old bike to my mate for 50 quid",
		"can i pay rent a different way, i dont have a bank card",
		"there is nowhere to go in town for teenagers",
		"we will be on the street outside the cinema at 7",
		"my nan has bruises from falling over in the garden",
	};
	struct buf	 out;
	size_t		 i;

	(void)state;
	buf_init(&out, 64);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		flags_as(&out, want[i].text, want[i].rule);
	for (i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		flags_not_as(&out, labels[i].text, labels[i].wrong);
	for (i = 0; i < sizeof(ordinary) / sizeof(ordinary[0]); i++)
		stays_clear(&out, ordinary[i]);
	/*
	 * Flagged on purpose, catching first: a black eye "playing rugby"
	 * and "wanted to die" of embarrassment read like the real thing.
	 */
	buf_reset(&out);
	assert_true(safeguarding_match(db, "i got a black eye playing rugby "
	    "but its fine", &out) > 0);
	buf_reset(&out);
	assert_true(safeguarding_match(db, "embarrassed i wanted to die when "
	    "i fell over", &out) > 0);
	buf_free(&out);
}

static int
flags(const char *text)
{
	struct buf	 out;
	int		 hits;

	buf_init(&out, 64);
	hits = safeguarding_scan(text, NULL, NULL, 0, &out);
	buf_free(&out);
	return (hits);
}

/* How young people write: repeats, no apostrophes, text-speak, -ing. */
static void
reads_how_young_people_write(void **state)
{
	(void)state;
	assert_null(safeguarding_rules_check());
	assert_true(flags("he hiiiit me") > 0);
	assert_true(flags("HE HITT ME!!!") > 0);
	assert_true(flags("my step dad keeps hittin me") > 0);
	assert_true(flags("my foster mum punched me") > 0);
	assert_true(flags("she was smacking my brother") > 0);
	assert_true(flags("i dont wanna be here") > 0);
	assert_true(flags("i don't want to be here") > 0);
	assert_true(flags("i don’t want to be here") > 0);
	assert_true(flags("i want to k1ll myself") > 0);
	assert_true(flags("kys") > 0);
	assert_true(flags("im being bullied") > 0);
	assert_true(flags("ma dad batterd me agen") > 0);
	assert_true(flags("hes always hurtin me") > 0);
	assert_true(flags("i wana kms ngl") > 0);
	/* Emoji, curly quotes and "…" part words; "k!ll" reads "kill". */
	assert_true(flags("he hit me\xf0\x9f\x98\xad\xf0\x9f\x98\xad") > 0);
	assert_true(flags("\xe2\x80\x9cplease help me\xe2\x80\x9d") > 0);
	assert_true(flags("i want to die\xe2\x80\xa6") > 0);
	assert_true(flags("k!ll myself") > 0);
	/* Plurals and dropped letters agree: "friends", "friend". */
	assert_true(flags("his friends touch me") > 0);
	assert_true(flags("his frend touchd me") > 0);
	/* Words in context, not words alone. */
	assert_int_equal(flags("my carer hit the roof when she saw the mess"),
	    0);
	assert_int_equal(flags("killing it at football"), 0);
	assert_int_equal(flags("dying to see the film"), 0);
	assert_int_equal(flags("the staff are kind"), 0);
	assert_int_equal(flags("I hit my target"), 0);
	assert_int_equal(flags("the knife and fork skills club"), 0);
	assert_int_equal(flags("I love rapping with my mates"), 0);
	assert_int_equal(flags("skills gunner drugstore"), 0);
	/* An idiom never hides a disclosure next to it. */
	assert_true(flags("he beat me at home") > 0);
	assert_true(flags("he hit me 3 times") > 0);
	assert_true(flags("i want to die to be honest") > 0);
	assert_true(flags("he hit me up against the wall") > 0);
	assert_int_equal(flags("we beat them 3-1"), 0);
	assert_int_equal(flags("hit me up later"), 0);
	assert_int_equal(flags(""), 0);
	assert_int_equal(flags("!!! ... ???"), 0);
}

/*
 * Admin phrases read the same way, and match whole words in order.
 * One that falls inside an idiom does not count, unless the admin's
 * phrase is that idiom.
 */
static void
admin_phrases_read_the_same_way(void **state)
{
	const char	*phrases[] = { "grabs me by the", "beat me",
			    "hit the roof" };
	const char	*topics[] = { "abuse", "abuse", "unsafe" };
	struct buf	 out;

	(void)state;
	buf_init(&out, 64);
	assert_true(safeguarding_scan("HE GRABBED ME BY THE...", phrases,
	    topics, 3, &out) > 0);
	assert_non_null(strstr(buf_cstr(&out), "abuse:grabs me by the"));
	buf_reset(&out);
	assert_int_equal(safeguarding_scan("my mate beat me at fifa", phrases,
	    topics, 3, &out), 0);
	assert_true(safeguarding_scan("he beats me", phrases, topics, 3,
	    &out) > 0);
	assert_non_null(strstr(buf_cstr(&out), "abuse:beat me"));
	buf_reset(&out);
	assert_int_equal(safeguarding_scan("my carer hit the roof", phrases,
	    topics, 3, &out), 1);
	assert_string_equal(buf_cstr(&out), "unsafe:hit the roof");
	buf_reset(&out);
	/* Whole words, in order. */
	assert_int_equal(safeguarding_scan("the roof hit", phrases, topics, 3,
	    &out), 0);
	buf_free(&out);
}

static void
whole_words_any_case_any_punctuation(void **state)
{
	struct buf	 t, n;

	(void)state;
	buf_init(&t, 64);
	buf_init(&n, 64);
	safeguarding_normalise("I DON'T feel SAFE!!!", &n);
	assert_string_equal(buf_cstr(&n), " i dont feel safe ");
	buf_reset(&n);
	safeguarding_normalise("\xe2\x80\x9cNo\xe2\x80\x9d\xf0\x9f\x98\xad"
	    "caf\xc3\xa9 d!e \xe2\x80\x94 $5", &n);
	assert_string_equal(buf_cstr(&n), " no caf\xc3\xa9 die 5 ");
	/* "sa'd" is "sa" (sexually assaulted), never "sad"; "sad" is. */
	buf_reset(&n);
	safeguarding_normalise("I was SA\xe2\x80\x99" "d, so sad. Lisa'd go",
	    &n);
	assert_string_equal(buf_cstr(&n), " i was sa so sad lisad go ");
	assert_true(safeguarding_match(db, "I...cut...MYSELF", &t) > 0);
	assert_non_null(strstr(buf_cstr(&t), "self_harm:"));
	assert_null(strstr(buf_cstr(&t), "suicide"));
	buf_reset(&t);
	/* Whole words only: "skills" holds "kill", "gunner" holds "gun". */
	assert_int_equal(safeguarding_match(db, "skills gunner drugstore",
	    &t), 0);
	/* Each rule and phrase is listed once, "topic:name". */
	assert_true(safeguarding_match(db, "he hits me and I want to run "
	    "away, he hit me again", &t) >= 3);
	assert_non_null(strstr(buf_cstr(&t), "abuse:person-near-hit"));
	assert_non_null(strstr(buf_cstr(&t), "missing:run-away"));
	assert_null(strstr(strstr(buf_cstr(&t), "abuse:person-near-hit") + 1,
	    "abuse:person-near-hit,"));
	buf_free(&t);
	buf_free(&n);
}

/* 64 KiB of the words the rules look for: bounded work, same answer. */
static void
large_input_is_bounded(void **state)
{
	static const char	 words[] = "he my carer hit me me staff kms "
				    "older man online keeps messaging ";
	struct buf		 text, out;
	clock_t			 start;
	int			 hits;

	(void)state;
	buf_init(&text, 65536);
	while (text.len + sizeof(words) < 65536)
		buf_puts(&text, words);
	buf_init(&out, 256);
	start = clock();
	hits = safeguarding_match(db, buf_cstr(&text), &out);
	printf("safeguarding: 64 KiB scanned in %.1f ms\n",
	    1000.0 * (clock() - start) / CLOCKS_PER_SEC);
	assert_true(hits > 0);
	assert_non_null(strstr(buf_cstr(&out), "abuse:person-near-hit"));
	buf_free(&text);
	buf_free(&out);
}

/*
 * The compiled phrase list is kept with the connection: a phrase an
 * admin adds or removes counts from the very next scan.
 */
static void
kept_phrases_follow_the_list(void **state)
{
	struct actor	 admin = { 1, "Admin", "admin", "127.0.0.1" };
	struct db	*other;
	const char	*why;
	struct buf	 out;
	char		 path[128], err[256];
	int64_t		 id;

	(void)state;
	buf_init(&out, 64);
	assert_int_equal(safeguarding_match(db, "the purple lantern came "
	    "round again", &out), 0);
	assert_int_equal(safeguarding_add(db, &admin, "Purple Lantern",
	    "exploitation", &why), 0);
	assert_int_equal(safeguarding_match(db, "the purple lantern came "
	    "round again", &out), 1);
	assert_string_equal(buf_cstr(&out), "exploitation:purple lantern");
	assert_int_equal(db_int(db, &id, "SELECT id FROM safeguarding_phrases "
	    "WHERE phrase = 'purple lantern'", ""), 1);
	assert_int_equal(safeguarding_remove(db, &admin, id), 0);
	buf_reset(&out);
	assert_int_equal(safeguarding_match(db, "the purple lantern came "
	    "round again", &out), 0);
	/* Added through another connection (the other worker). */
	(void)snprintf(path, sizeof(path), "%s/unit.db", unitdb_dir);
	assert_int_equal(db_open(&other, path, err, sizeof(err)), 0);
	assert_int_equal(db_exec(other, "INSERT INTO safeguarding_phrases "
	    "(phrase, topic) VALUES ('purple lantern', 'missing')", ""), 0);
	db_close(other);
	assert_int_equal(safeguarding_match(db, "the purple lantern came "
	    "round again", &out), 1);
	assert_string_equal(buf_cstr(&out), "missing:purple lantern");
	buf_free(&out);
}

/* What the scan matched reads as words on the workers' pages. */
static void
rules_read_as_words(void **state)
{
	struct arena	 a;

	(void)state;
	arena_init(&a);
	assert_string_equal(safeguarding_rules_text(&a,
	    "abuse:person-near-hit,self_harm"),
	    "Abuse (person near hit), Self-harm");
	assert_string_equal(safeguarding_rules_text(&a, "missing:run away"),
	    "Going missing (run away)");
	assert_string_equal(safeguarding_rules_text(&a, "help:help-me"),
	    "Asking for help (help me)");
	assert_string_equal(safeguarding_rules_text(&a, ""), "");
	assert_string_equal(safeguarding_rules_text(&a, NULL), "");
	assert_string_equal(safeguarding_rules_text(&a, "odd:"), "odd");
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(corpus_recall_and_false_positives),
		cmocka_unit_test(issue_11_phrases),
		cmocka_unit_test(lead_found_clear),
		cmocka_unit_test(lead_review_90),
		cmocka_unit_test(lead_review_99),
		cmocka_unit_test(review_99_false_alarms),
		cmocka_unit_test(lead_review_101),
		cmocka_unit_test(reads_how_young_people_write),
		cmocka_unit_test(admin_phrases_read_the_same_way),
		cmocka_unit_test(whole_words_any_case_any_punctuation),
		cmocka_unit_test(large_input_is_bounded),
		cmocka_unit_test(rules_read_as_words),
		cmocka_unit_test(kept_phrases_follow_the_list),
	};

	return (cmocka_run_group_tests_name("safeguarding", tests, setup,
	    teardown));
}

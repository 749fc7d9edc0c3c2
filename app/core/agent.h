/*
 * agent.h: a browser's User-Agent in words a person knows ("Chrome on
 * Android"), for the list of places someone is signed in. Not for
 * telling browsers apart in code: a User-Agent is easy to fake.
 */
#ifndef PORTAL_AGENT_H
#define PORTAL_AGENT_H

#include "arena.h"

const char	*agent_words(struct arena *, const char *);

#endif

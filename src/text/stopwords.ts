/**
 * English function words that carry no topic. Question words are here too: "who", "how many" shape
 * a question but never help find the passage that answers it; so are the indefinite pronouns ("was
 * anyone hurt?": the answer names who, it does not say "anyone").
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being
below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during
each ever few for from further had hadn't has hasn't have haven't having he he'd he'll her here hers herself
him himself his how i i'd i'll i'm i've if in into is isn't it it's its itself just let's me more most much
must mustn't my myself no nor not of off on once only or other ought our ours ourselves out over own same
shan't she she'd she'll should shouldn't so some such than that that's the their theirs them themselves then
there there's these they they'd they'll they're they've this those through to too under until up upon us very
was wasn't we we'd we'll we're we've were weren't what what's when when's where where's which while who who's
whom why why's will with won't would wouldn't yet you you'd you'll you're you've your yours yourself
yourselves whose whether whatever whoever many tell say said says does did get got
anyone anybody anything someone somebody something everyone everybody everything nobody nothing`
    .split(/\s+/)
    .filter(Boolean),
);

/** Scraped pages written for the tests (no seed text). */

/** A page in a common layout: menu, byline, share buttons, a photo caption, an ad, a bio, a copyright line. */
export const NEWS_PAGE = `Skip to main content
World
Politics
Business
Sign in
Bridge collapse kills 12 in northern city
By Maria Lopez, Staff Reporter
Published March 3, 2023 at 10:42 a.m. EST
Share on Facebook
Share on Twitter
At least 12 people were killed when a road bridge collapsed during the morning rush hour in the northern city of Brenton on Friday, officials said.
Rescue workers search the rubble on Friday morning. (Photo: AP)
Advertisement
Emergency crews worked through the night to reach cars trapped beneath the concrete, and the mayor said the toll could still rise.
Read more: City council approves repair budget
"We heard a sound like thunder and then the road was gone," said one witness, who asked not to be named.
The bridge, built in 1968, had been due for an inspection next month, according to the transport department.
Maria Lopez is a reporter covering transport and infrastructure. Follow her on Twitter @mlopez.
© 2023 The Brenton Gazette. All rights reserved.
More from World
Floods displace thousands in the south
Election results delayed again
`;


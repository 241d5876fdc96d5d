/** A saved news web page of our own writing: head metadata, navigation, a script, comments, a footer. */
export const SAVED_PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Harbour bridge closed | Harbour Post</title>
  <meta property="og:title" content="Harbour bridge closed to lorries after cracks found">
  <meta property="og:site_name" content="Harbour Post">
  <meta property="og:url" content="https://news.example.org/og-address">
  <meta property="article:published_time" content="2024-03-26T10:15:00+01:00">
  <meta name="author" content="Ann Cole">
  <link rel="canonical" href="https://news.example.org/2024/03/harbour-bridge">
  <style>body { font-family: serif; }</style>
  <script>window.dataLayer = [{ page: "article" }]; document.write("<p>Injected by a script tag</p>");</script>
</head>
<body>
  <header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
  <main>
    <article>
      <h1>Harbour bridge closed to lorries after cracks found</h1>
      <p>The council voted on Tuesday to close the old harbour bridge to lorries after engineers found
         cracks in two of its stone piers.</p>
      <!-- editor's note: check the cost figure before publishing -->
      <p>Repairs to the piers are expected to take at least six months and to cost the town more than
         <b>two million pounds</b>, officials said.</p>
      <h2>Traders worried</h2>
      <p>Shopkeepers on the quay said the closure would cut deliveries at the busiest time of the year.
         “We had no choice,” the mayor told reporters &amp; residents.</p>
      <p>Cars and buses can still use the bridge, which carries about ten thousand vehicles a day, while
         the repairs go on.</p>
    </article>
    <aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Ferry fares to rise</a></li><li><a href="/b">New car park opens</a></li></ul></aside>
    <section id="comments"><h3>3 comments</h3><div class="comment"><p>Great article, everyone should read it twice!</p></div></section>
  </main>
  <footer><p>© 2024 Harbour Post. All rights reserved.</p><p><a href="/privacy">Privacy policy</a></p></footer>
  <script>trackPageView("Injected tracking text");</script>
</body>
</html>
`;

package io.sessionflow.source;

/**
 * What the request-economy row (bench row 10) says of one module's figures.
 *
 * @param costly    what the costly sessions are: {@code live}
 * @param allowance how {@link BenchEconomy#allowed} counts: {@code pages + 2 per live + 1 per changed}
 * @param pages     what a page is, after the pages per poll: {@code schedule pages per poll}
 * @param firstPoll what the first poll is, before what it asked: {@code a first poll without memory}
 */
public record EconomyWords(String costly, String allowance, String pages, String firstPoll) {
}

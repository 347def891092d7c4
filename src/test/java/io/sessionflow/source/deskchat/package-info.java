/**
 * Deskchat, a help-desk live chat API that exists only in the tests: the sixth vendor, added as a new contributor
 * would add one (docs/adding-a-vendor.md), with this package, one route file
 * ({@code src/test/resources/routes/sources/deskchat-rest-poll.yaml}) and one fixtures folder
 * ({@code src/test/resources/fixtures/deskchat/}) and no edit anywhere else. {@link DeskchatIsOnePackageTest} runs
 * it through {@code run}, {@code demo}, {@code rederive}, {@code bench --quick} and {@code settings}.
 *
 * <p>The API: {@code GET /chats?page=N&per_page=M} with header {@code X-Api-Key}, answering
 * {@code {"chats": [...], "has_more": true|false}}, pages from 0, the chats opened in the last day, oldest first.
 * A chat: {@code id}, {@code state} ({@code waiting}, {@code active}, {@code closed}), {@code topic},
 * {@code opened_at}, {@code answered_at}, {@code closed_at} (ISO-8601 UTC), {@code agent.email},
 * {@code customer.name}.
 */
package io.sessionflow.source.deskchat;

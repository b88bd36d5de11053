package io.github.logway.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.logway.core.FatalException;
import io.github.logway.core.RetryableException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InMemoryObjectStoreTest {

    private final InMemoryObjectStore store = new InMemoryObjectStore();

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void put_thenGet_returnsBodyAndOptions() {
        store.put("b", "k", bytes("hello"), PutOptions.GZIP_NDJSON);

        InMemoryObjectStore.StoredObject object = store.get("b", "k").orElseThrow();
        assertThat(object.bodyText()).isEqualTo("hello");
        assertThat(object.options()).isEqualTo(PutOptions.GZIP_NDJSON);
    }

    @Test
    void put_copiesTheBody() {
        byte[] body = bytes("abc");
        store.put("b", "k", body, PutOptions.GZIP_NDJSON);

        body[0] = 'X';

        assertThat(store.get("b", "k").orElseThrow().bodyText()).isEqualTo("abc");
    }

    @Test
    void put_sameKeyTwice_replacesTheObject() {
        store.put("b", "k", bytes("one"), PutOptions.GZIP_NDJSON);
        store.put("b", "k", bytes("two"), PutOptions.GZIP_NDJSON);

        assertThat(store.objects()).hasSize(1);
        assertThat(store.get("b", "k").orElseThrow().bodyText()).isEqualTo("two");
    }

    @Test
    void get_unknownKey_isEmpty() {
        assertThat(store.get("b", "nothing")).isEmpty();
    }

    @Test
    void keys_listsOneBucketSorted() {
        store.put("b", "z", bytes("1"), PutOptions.GZIP_NDJSON);
        store.put("b", "a/1", bytes("2"), PutOptions.GZIP_NDJSON);
        store.put("other", "m", bytes("3"), PutOptions.GZIP_NDJSON);

        assertThat(store.keys("b")).containsExactly("a/1", "z");
        assertThat(store.keys("other")).containsExactly("m");
    }

    @Test
    void failWhen_matchingKey_throwsAndStoresNothing() {
        store.failWhen(key -> key.startsWith("bad/"), () -> new RetryableException("injected", "SlowDown", null));

        assertThatThrownBy(() -> store.put("b", "bad/1", bytes("x"), PutOptions.GZIP_NDJSON))
                .isInstanceOf(RetryableException.class).hasMessage("injected");
        store.put("b", "good/1", bytes("y"), PutOptions.GZIP_NDJSON);

        assertThat(store.keys("b")).containsExactly("good/1");
        assertThat(store.putAttempts()).isEqualTo(2);
    }

    @Test
    void failWhen_keepsFailingUntilCleared() {
        store.failWhen(key -> true, () -> new FatalException("denied"));

        assertThatThrownBy(() -> store.put("b", "k", bytes("x"), PutOptions.GZIP_NDJSON))
                .isInstanceOf(FatalException.class);
        assertThatThrownBy(() -> store.put("b", "k", bytes("x"), PutOptions.GZIP_NDJSON))
                .isInstanceOf(FatalException.class);
        store.clearFailures();
        store.put("b", "k", bytes("x"), PutOptions.GZIP_NDJSON);

        assertThat(store.get("b", "k")).isPresent();
    }

    @Test
    void failTimes_failsOnlyTheGivenNumberOfMatchingPuts() {
        store.failTimes(key -> key.equals("k"), 2, () -> new RetryableException("busy"));

        assertThatThrownBy(() -> store.put("b", "k", bytes("x"), PutOptions.GZIP_NDJSON))
                .isInstanceOf(RetryableException.class);
        store.put("b", "other", bytes("x"), PutOptions.GZIP_NDJSON);
        assertThatThrownBy(() -> store.put("b", "k", bytes("x"), PutOptions.GZIP_NDJSON))
                .isInstanceOf(RetryableException.class);
        store.put("b", "k", bytes("x"), PutOptions.GZIP_NDJSON);

        assertThat(store.keys("b")).containsExactly("k", "other");
    }

    @Test
    void failTimes_withZeroTimes_isRefused() {
        assertThatThrownBy(() -> store.failTimes(key -> true, 0, () -> new RetryableException("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void storedObject_equality_comparesBodyContent() {
        var first = new InMemoryObjectStore.StoredObject("b", "k", bytes("x"), PutOptions.GZIP_NDJSON);
        var second = new InMemoryObjectStore.StoredObject("b", "k", bytes("x"), PutOptions.GZIP_NDJSON);

        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
        assertThat(first.toString()).contains("s3://b/k", "bytes=1");
    }
}

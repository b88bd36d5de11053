package io.github.logway.elb;

import java.util.List;
import java.util.Objects;

/**
 * What one SQS message asks for: objects to read ({@link ObjectsToRead}), nothing ({@link Ignored}: an
 * {@code s3:TestEvent}, an event other than object creation), or a body this function does not understand
 * ({@link Unrecognized}).
 */
public sealed interface Notification permits Notification.ObjectsToRead, Notification.Ignored,
        Notification.Unrecognized {

    /**
     * Objects to read, in the message's order.
     *
     * @param continuation whether the message is a continuation this function sent itself
     */
    record ObjectsToRead(List<ObjectTask> tasks, boolean continuation) implements Notification {

        public ObjectsToRead {
            tasks = List.copyOf(tasks);
        }
    }

    /** Nothing to read, by design. */
    record Ignored(String why) implements Notification {

        public Ignored {
            Objects.requireNonNull(why, "why");
        }
    }

    /** A body that is none of the known shapes; {@code detail} never holds the body itself. */
    record Unrecognized(String detail) implements Notification {

        public Unrecognized {
            Objects.requireNonNull(detail, "detail");
        }
    }
}

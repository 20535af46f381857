package com.bulletiningest.notify;

import java.util.Set;

/** A person who receives a digest of the notices in their categories (category codes, e.g. pharma). */
public record Owner(String address, Set<String> categories) {
}

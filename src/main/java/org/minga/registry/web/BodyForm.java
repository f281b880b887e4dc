package org.minga.registry.web;

/** The page form of a new governing body. */
public record BodyForm(String kind, String name) {
}

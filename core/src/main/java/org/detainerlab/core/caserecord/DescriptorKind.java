package org.detainerlab.core.caserecord;

/** A fact about the case's subject that a source may state; nothing else about a person is recorded. */
public enum DescriptorKind {
    AGE, NATIONALITY, SEX, OTHER
}

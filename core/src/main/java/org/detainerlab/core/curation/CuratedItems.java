package org.detainerlab.core.curation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.detainerlab.core.common.FieldError;
import org.detainerlab.core.common.ImportKeys;
import org.detainerlab.core.common.ResourceNotFoundException;
import org.detainerlab.core.common.Revisions;
import org.detainerlab.core.common.SeedResource;
import org.detainerlab.core.common.ValidationFailedException;
import org.detainerlab.core.history.ChangeAction;
import org.detainerlab.core.history.ChangeHistory;
import org.detainerlab.core.history.ChangeView;

/**
 * The one way curated items (policies, rulings, case records, claims) are read and changed: create, replace, merge
 * patch, delete, import and history. Every change is checked in full before anything is written (an import checks
 * all its entries first), runs under If-Match against the row locked for update, and is recorded in the item's
 * history in the same transaction. A kind supplies what differs: how a reference finds its item, how an input is
 * checked into its written form {@code C}, how that is written, and the view {@code V} the API shows.
 *
 * <p>Items named by number only (case records, claims) are deleted outright (their history stays readable) and
 * imported from seeds; keyed items (policies, rulings) extend {@link KeyedCuratedItems}, which adds keys, soft
 * deletion and matching an import by key.
 */
public abstract class CuratedItems<E extends VersionedItem, I, V extends CuratedView, C> {

    @Inject
    ChangeHistory history;
    @Inject
    ObjectMapper json;
    @Inject
    EntityManager entities;
    @Inject
    Validator validator;

    private ItemKind<I> itemKind;
    private ItemRepository<E> store;

    /** Called once, by the constructor of a kind's service: what the kind is called and where its items are. */
    protected final void curate(ItemKind<I> kind, ItemRepository<E> repository) {
        this.itemKind = kind;
        this.store = repository;
    }

    protected ItemKind<I> itemKind() {
        return itemKind;
    }

    protected ItemRepository<E> store() {
        return store;
    }

    /** The kind as ETags and the history name it. */
    public String kind() {
        return itemKind().name();
    }

    protected abstract V view(E item);

    /** The item as a curator would write it, for merge patches. */
    protected abstract I inputOf(E item);

    /**
     * Checks an input that met its field constraints (Bean Validation, checked first), adding every failure (field
     * paths prefixed with {@code at}) to {@code errors}; the written form, or null when any check failed. Nothing is
     * written here.
     */
    protected abstract C check(I input, Checking<V> context, List<FieldError> errors);

    /** Writes a checked input onto the item (new or locked). */
    protected abstract void write(E item, C checked, String actor);

    /** Further rules of a merge patch, e.g. that undoing a verification needs a reason. */
    protected void checkPatch(V before, C after, String note, List<FieldError> errors) {
    }

    /** 409 when the input would take what another item holds (a key). {@code self} is null for a new item. */
    protected void requireFree(I input, Long self) {
    }

    /** 409 when the item may not be deleted now. */
    protected void requireRemovable(E item) {
    }

    /** Called after an item changed or was deleted ({@code after} null), in the same transaction. */
    protected void changed(long id, V before, V after, String actor) {
    }

    protected boolean isLive(E item) {
        return true;
    }

    protected void remove(E item) {
        store().delete(item);
    }

    /** What a check knows besides the input: where it stands, the item before, and the rest of an import. */
    public record Checking<V>(String at, V previous, String actor, Set<String> earlierInFile,
                              Set<String> otherKindInFile) {

        static <V> Checking<V> single(V previous, String actor) {
            return new Checking<>("", previous, actor, Set.of(), Set.of());
        }
    }

    @Transactional
    public V get(String ref) {
        return view(live(ref, LockModeType.NONE));
    }

    /**
     * Every recorded change of an item, oldest first. An item deleted outright (a case record, a claim) keeps its
     * history under its number, ending with the deletion and what the item held before it.
     */
    @Transactional
    public List<ChangeView> history(String ref) {
        Optional<Long> live = store().idOf(ref);
        List<ChangeView> changes = live.or(() -> ItemRepository.number(ref)).map(id -> history.of(kind(), id))
                .orElse(List.of());
        if (live.isEmpty() && changes.isEmpty()) {
            throw new ResourceNotFoundException(itemKind().noun(), ref);
        }
        return changes;
    }

    @Transactional
    public V create(I input, String actor) {
        List<FieldError> errors = new ArrayList<>();
        C checked = checked(input, Checking.single(null, actor), errors);
        Curation.failOn(errors);
        requireFree(input, null);
        return insert(checked, ChangeAction.CREATE, actor, null);
    }

    /** Replaces an item with {@code input}; {@code ifMatch} must carry its current ETag. */
    @Transactional
    public V replace(String ref, String ifMatch, I input, String actor) {
        return update(locked(ref, ifMatch), input, actor, null, false);
    }

    /**
     * Applies a JSON merge patch (RFC 7386) to the item as a curator would write it, then stores the result like a
     * replace. The item is locked before it is read, so the patch applies to the version If-Match named. The reason,
     * if any, is kept as the change's note.
     */
    @Transactional
    public V patch(String ref, String ifMatch, JsonNode mergePatch, String actor, String reason) {
        if (mergePatch == null || !mergePatch.isObject()) {
            throw ValidationFailedException.of("", "a merge patch must be a JSON object", null);
        }
        E item = locked(ref, ifMatch);
        I patched;
        try {
            patched = json.treeToValue(MergePatch.apply(json.valueToTree(inputOf(item)), mergePatch), itemKind().input());
        } catch (JsonProcessingException e) {
            throw ValidationFailedException.of("", "the patched " + itemKind().noun() + " cannot be read: "
                    + e.getOriginalMessage(), null);
        }
        return update(item, patched, actor, Curation.blankToNull(reason), true);
    }

    /** Deletes an item; {@code ifMatch} must carry its current ETag. Its history stays. */
    @Transactional
    public void delete(String ref, String ifMatch, String actor) {
        E item = locked(ref, ifMatch);
        requireRemovable(item);
        V before = view(item);
        long id = item.id;
        long version = item.version + 1;
        remove(item);
        store().flush();
        history.record(kind(), id, version, ChangeAction.DELETE, actor, null, before, null);
        changed(id, before, null, actor);
    }

    /** Imports entries as one unit, all checked before any is written (see {@link #plan}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public ImportCount importAll(List<I> inputs, String prefix, String actor) {
        ImportPlan plan = plan(inputs, prefix, actor, Set.of());
        plan.write();
        return plan.count();
    }

    /**
     * Checks every entry of an import and says what it would do, writing nothing: a new item is created; for keyed
     * kinds an unchanged entry is left alone, and a changed one updated only when it names the version it was
     * exported from and that version is still current. 422 lists every failed field of every entry, then 409 names
     * every stale entry, then 409 when an entry takes a key another item holds; only a plan that passed all of these
     * is returned, and {@link ImportPlan#write} writes it, each write recorded as IMPORT. {@code otherKindInFile}
     * names items of another kind the same file creates, which an entry may refer to.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ImportPlan plan(List<I> inputs, String prefix, String actor, Set<String> otherKindInFile) {
        // Planning writes nothing, so its lookups need not flush the session first; with thousands of entries (the
        // 287(g) agreement policies) flushing before each lookup would check every loaded entry each time.
        entities.flush();
        FlushModeType flushMode = entities.getFlushMode();
        entities.setFlushMode(FlushModeType.COMMIT);
        try {
            return planEntries(inputs, prefix, actor, otherKindInFile);
        } finally {
            entities.setFlushMode(flushMode);
        }
    }

    private ImportPlan planEntries(List<I> inputs, String prefix, String actor, Set<String> otherKindInFile) {
        List<FieldError> errors = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<Runnable> claims = new ArrayList<>();
        List<Runnable> writes = new ArrayList<>();
        ImportCount count = new ImportCount();
        for (int i = 0; i < inputs.size(); i++) {
            I input = inputs.get(i);
            String at = prefix + "[" + i + "]";
            if (input == null) {
                errors.add(new FieldError(at, "is empty", null));
                continue;
            }
            String key = keyOf(input);
            Integer earlier = key == null ? null : seen.put(key, i);
            if (earlier != null) {
                errors.add(new FieldError(at + ".key", "repeats the key of entry " + earlier, key));
                continue;
            }
            E existing = key == null ? null : existing(key);
            V before = existing == null ? null : view(existing);
            C checked = checked(input, new Checking<>(at + ".", before, actor,
                    Collections.unmodifiableSet(seen.keySet()), otherKindInFile), errors);
            if (checked == null) {
                continue;
            }
            if (existing == null) {
                count.created++;
                if (key != null) {
                    count.createdKeys.add(key);
                }
                claims.add(() -> requireFree(input, null));
                writes.add(() -> insert(checked, ChangeAction.IMPORT, actor, null));
            } else if (unchanged(checked, before)) {
                count.unchanged++;
            } else if (versionOf(input) == null || versionOf(input) != existing.version) {
                stale.add(Curation.staleEntry(key, versionOf(input), existing.version));
            } else {
                count.updated++;
                count.updatedKeys.add(key);
                claims.add(() -> requireFree(input, existing.id));
                writes.add(() -> rewrite(existing, before, checked, ChangeAction.IMPORT, actor, null));
            }
        }
        Curation.failOn(errors);
        Curation.failOnStale(itemKind().plural(), stale);
        claims.forEach(Runnable::run);
        return new ImportPlan(count, writes);
    }

    /** The key an import entry is matched by; null for kinds without keys, whose entries are always new. */
    protected String keyOf(I input) {
        return null;
    }

    /** The version an import entry says it was exported from. */
    protected Long versionOf(I input) {
        return null;
    }

    /** The live item an import entry's key names, locked for update, or null. */
    protected E existing(String key) {
        return null;
    }

    /** Whether writing {@code checked} would leave the item as {@code before} shows it. */
    protected boolean unchanged(C checked, V before) {
        return false;
    }

    /** Where a kind's seeds ship and where their import keys are kept. */
    public record Seeds(String resource, String list, String item, String importTable) {
    }

    /**
     * Imports the seeds never imported into this database, all checked before any is written, by {@code system}
     * with each seed's note in the history. A seed's key is claimed as its item is written, so it stays imported
     * after the item is deleted, and a second instance starting at the same time imports nothing twice.
     */
    @Transactional
    public int importSeeds(Seeds seeds) {
        JsonNode file = SeedResource.read(json, seeds.resource(), JsonNode.class);
        List<FieldError> errors = new ArrayList<>();
        Map<String, Runnable> writes = new LinkedHashMap<>();
        int index = 0;
        for (Iterator<JsonNode> it = file.path(seeds.list()).elements(); it.hasNext(); index++) {
            JsonNode seed = it.next();
            String key = seed.path("key").asText();
            if (ImportKeys.claimed(entities, seeds.importTable(), key)) {
                continue;
            }
            I input;
            try {
                input = json.treeToValue(seed.path(seeds.item()), itemKind().input());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Seed " + key + " in " + seeds.resource() + " cannot be read", e);
            }
            String note = seed.path("note").isTextual() ? seed.path("note").asText() : null;
            C checked = checked(input, new Checking<>(seeds.list() + "[" + index + "].", null, ImportPlan.SYSTEM,
                    Set.of(), Set.of()), errors);
            writes.put(key, () -> insert(checked, ChangeAction.IMPORT, ImportPlan.SYSTEM, note));
        }
        Curation.failOn(errors);
        int imported = 0;
        for (Map.Entry<String, Runnable> write : writes.entrySet()) {
            if (ImportKeys.claim(entities, seeds.importTable(), write.getKey())) {
                write.getValue().run();
                imported++;
            }
        }
        return imported;
    }

    /** The field constraints first; the kind's own checks only when they hold, as those rely on them. */
    private C checked(I input, Checking<V> context, List<FieldError> errors) {
        return BeanChecks.check(validator, input, context.at(), errors) ? check(input, context, errors) : null;
    }

    private E newItem() {
        try {
            return store().entityType().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("An entity needs a public constructor without parameters", e);
        }
    }

    private E live(String ref, LockModeType lock) {
        return store().idOf(ref).flatMap(id -> store().findByIdOptional(id, lock)).filter(this::isLive)
                .orElseThrow(() -> new ResourceNotFoundException(itemKind().noun(), ref));
    }

    /** Loads the row for update first, so that two editors holding the same ETag cannot both pass the check. */
    private E locked(String ref, String ifMatch) {
        E item = live(ref, LockModeType.PESSIMISTIC_WRITE);
        Revisions.requireMatch(ifMatch, kind(), item.id, item.version);
        return item;
    }

    private V update(E item, I input, String actor, String note, boolean patch) {
        V before = view(item);
        List<FieldError> errors = new ArrayList<>();
        C checked = checked(input, Checking.single(before, actor), errors);
        if (checked != null && patch) {
            checkPatch(before, checked, note, errors);
        }
        Curation.failOn(errors);
        requireFree(input, item.id);
        return rewrite(item, before, checked, ChangeAction.UPDATE, actor, note);
    }

    private V insert(C checked, ChangeAction action, String actor, String note) {
        E item = newItem();
        item.version = 1;
        write(item, checked, actor);
        store().persistAndFlush(item);
        V after = view(item);
        history.record(kind(), item.id, item.version, action, actor, note, null, after);
        return after;
    }

    private V rewrite(E item, V before, C checked, ChangeAction action, String actor, String note) {
        write(item, checked, actor);
        item.version++;
        store().flush();
        V after = view(item);
        history.record(kind(), item.id, item.version, action, actor, note, before, after);
        changed(item.id, before, after, actor);
        return after;
    }
}

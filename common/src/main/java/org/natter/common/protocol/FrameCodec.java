package org.natter.common.protocol;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.natter.common.model.LeaveReason;

/**
 * Turns frames into JSON lines and back, with the one Gson configuration of the protocol. Thread-safe.
 *
 * <p>Decoding is strict: one JSON object per line, a string {@code type} naming a frame of the receiving side,
 * its required fields present with the right JSON type. Unknown extra fields are ignored, so that newer peers can
 * add fields. Checking names and texts against the rules is the receiver's job ({@link Names}, {@link Texts}).
 */
public final class FrameCodec {

    private static final Gson GSON = new GsonBuilder()
            .disableHtmlEscaping()
            .registerTypeAdapter(Instant.class, new InstantAdapter().nullSafe())
            .registerTypeAdapter(LeaveReason.class, new LeaveReasonAdapter().nullSafe())
            .create();

    private static final Map<String, FrameType> CLIENT_TYPES = FrameType.index(List.of(
            new FrameType("login", Login.class, "name"),
            new FrameType("say", Say.class, "text"),
            new FrameType("logout", Logout.class),
            new FrameType("quit", Quit.class),
            new FrameType("ping", Ping.class),
            new FrameType("pong", Pong.class),
            new FrameType("join", Join.class, "room"),
            new FrameType("part", Part.class, "room"),
            new FrameType("rooms", ListRooms.class),
            new FrameType("topic", SetTopic.class, "room", "text"),
            new FrameType("history", HistoryRequest.class),
            new FrameType("search", Search.class, "text")));

    private static final Map<String, FrameType> SERVER_TYPES = FrameType.index(List.of(
            new FrameType("welcome", Welcome.class, "server"),
            new FrameType("login_ok", LoginOk.class, "name"),
            new FrameType("message", Message.class, "from", "text", "ts"),
            new FrameType("joined", Joined.class, "name"),
            new FrameType("left", Left.class, "name", "reason"),
            new FrameType("logged_out", LoggedOut.class),
            new FrameType("kicked", Kicked.class, "reason"),
            new FrameType("announcement", Announcement.class, "text"),
            new FrameType("error", ErrorReply.class, "code", "message"),
            new FrameType("ping", Ping.class),
            new FrameType("pong", Pong.class),
            new FrameType("room", RoomState.class, "room"),
            new FrameType("parted", Parted.class, "room"),
            new FrameType("rooms", RoomList.class),
            new FrameType("topic", TopicChanged.class, "room", "text"),
            new FrameType("history", History.class),
            new FrameType("search_results", SearchResults.class),
            new FrameType("waiting", Waiting.class, "name", "text"),
            new FrameType("presence", Presence.class, "room"),
            new FrameType("users", UsersPage.class),
            new FrameType("members", MembersPage.class, "room")));

    private static final Map<Class<?>, String> WIRE_NAMES = FrameType.wireNames(CLIENT_TYPES, SERVER_TYPES);

    private FrameCodec() {
    }

    /** The frame as one JSON object, {@code type} first, without a newline. */
    public static String encode(Frame frame) {
        // The record's own object with the type spliced in front: one pass of Gson, no tree to build and copy.
        String body = GSON.toJson(frame);
        String type = "{\"type\":" + GSON.toJson(wireName(frame));
        return body.length() == 2 ? type + "}" : type + "," + body.substring(1);
    }

    /** A string as a JSON string literal in UTF-8: what a server keeps of each name for its pages of names. */
    public static byte[] jsonStringBytes(String value) {
        return GSON.toJson(value).getBytes(StandardCharsets.UTF_8);
    }

    /** A string as a JSON string literal, quotes and escapes included. */
    public static String jsonString(String value) {
        return GSON.toJson(value);
    }

    /** The frame as it goes on the wire: UTF-8 JSON and a newline. */
    public static byte[] encodeLine(Frame frame) {
        return (encode(frame) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The protocol name of this frame's type, such as {@code login_ok}. */
    public static String wireName(Frame frame) {
        return WIRE_NAMES.get(frame.getClass());
    }

    /** Reads a line a client sent (without its newline). */
    public static ClientFrame decodeClientFrame(String line) throws ProtocolException {
        return (ClientFrame) decode(line, CLIENT_TYPES, "id");
    }

    /** Reads a line the server sent (without its newline). */
    public static ServerFrame decodeServerFrame(String line) throws ProtocolException {
        return (ServerFrame) decode(line, SERVER_TYPES, "re");
    }

    /** Decodes UTF-8 strictly: a line with invalid bytes is refused rather than silently altered. */
    public static String utf8(ByteBuffer bytes) throws ProtocolException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolException(ErrorCode.BAD_JSON, "The line is not valid UTF-8 text.");
        }
    }

    /** @param requestIdField the field naming the request: {@code id} in requests, {@code re} in replies */
    private static Frame decode(String line, Map<String, FrameType> types, String requestIdField) throws ProtocolException {
        JsonObject json = parseObject(line);
        String requestId = optionalString(json, requestIdField, null);
        if (requestId != null && requestId.length() > ProtocolLimits.MAX_REQUEST_ID_LENGTH) {
            throw new ProtocolException(ErrorCode.BAD_JSON,
                    "The field \"" + requestIdField + "\" can have at most " + ProtocolLimits.MAX_REQUEST_ID_LENGTH + " characters.");
        }
        JsonElement typeField = json.get("type");
        if (!isString(typeField)) {
            throw new ProtocolException(ErrorCode.BAD_JSON, "Every frame needs a string field \"type\".", requestId);
        }
        String typeName = typeField.getAsString();
        FrameType type = types.get(typeName);
        if (type == null) {
            throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "Unknown frame type \"" + shorten(typeName) + "\".", requestId);
        }
        for (String field : type.requiredStrings()) {
            if (!isString(json.get(field))) {
                throw new ProtocolException(ErrorCode.BAD_JSON,
                        "A \"" + typeName + "\" frame needs a string field \"" + field + "\".", requestId);
            }
        }
        try {
            return GSON.fromJson(json, type.recordClass());
        } catch (JsonParseException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw new ProtocolException(ErrorCode.BAD_JSON,
                    "A field of the \"" + typeName + "\" frame has the wrong type or format.", requestId);
        }
    }

    private static JsonObject parseObject(String line) throws ProtocolException {
        try {
            JsonReader reader = new JsonReader(new StringReader(line));
            reader.setStrictness(Strictness.STRICT);
            JsonElement element = readValue(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new ProtocolException(ErrorCode.BAD_JSON, "Send exactly one JSON object per line.");
            }
            if (element == null || !element.isJsonObject()) {
                throw new ProtocolException(ErrorCode.BAD_JSON, "Each line must be one JSON object.");
            }
            return element.getAsJsonObject();
        } catch (IOException | JsonParseException | IllegalStateException | NumberFormatException e) {
            throw new ProtocolException(ErrorCode.BAD_JSON, "The line is not valid JSON.");
        }
    }

    /**
     * Reads one JSON value like Gson's own tree reader, but refuses an object that names a key twice: Gson would
     * keep the last value silently, and two readers of the same line could then disagree on what it says.
     */
    private static JsonElement readValue(JsonReader reader) throws IOException, ProtocolException {
        switch (reader.peek()) {
            case BEGIN_OBJECT -> {
                JsonObject object = new JsonObject();
                reader.beginObject();
                while (reader.hasNext()) {
                    String key = reader.nextName();
                    if (object.has(key)) {
                        throw new ProtocolException(ErrorCode.BAD_JSON,
                                "The field \"" + shorten(key) + "\" appears twice in one object.");
                    }
                    object.add(key, readValue(reader));
                }
                reader.endObject();
                return object;
            }
            case BEGIN_ARRAY -> {
                JsonArray array = new JsonArray();
                reader.beginArray();
                while (reader.hasNext()) {
                    array.add(readValue(reader));
                }
                reader.endArray();
                return array;
            }
            case STRING -> {
                return new JsonPrimitive(reader.nextString());
            }
            case NUMBER -> {
                return new JsonPrimitive(new BigDecimal(reader.nextString()));
            }
            case BOOLEAN -> {
                return new JsonPrimitive(reader.nextBoolean());
            }
            case NULL -> {
                reader.nextNull();
                return JsonNull.INSTANCE;
            }
            default -> throw new ProtocolException(ErrorCode.BAD_JSON, "The line is not valid JSON.");
        }
    }

    private static String optionalString(JsonObject json, String field, String requestId) throws ProtocolException {
        JsonElement value = json.get(field);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (!isString(value)) {
            throw new ProtocolException(ErrorCode.BAD_JSON, "The field \"" + field + "\" must be a string.", requestId);
        }
        return value.getAsString();
    }

    private static boolean isString(JsonElement element) {
        return element != null && element.isJsonPrimitive() && element.getAsJsonPrimitive().isString();
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    private record FrameType(String wireName, Class<? extends Frame> recordClass, String... requiredStrings) {

        static Map<String, FrameType> index(List<FrameType> types) {
            return types.stream().collect(Collectors.toUnmodifiableMap(FrameType::wireName, t -> t));
        }

        @SafeVarargs
        static Map<Class<?>, String> wireNames(Map<String, FrameType>... indexes) {
            Map<Class<?>, String> names = new HashMap<>();
            for (Map<String, FrameType> index : indexes) {
                index.values().forEach(t -> names.put(t.recordClass(), t.wireName()));
            }
            return Map.copyOf(names);
        }
    }

    /**
     * ISO-8601 instants in UTC, always with milliseconds, such as {@code 2026-11-22T09:15:00.000Z} (never
     * {@code ...:00Z}), so every timestamp on the wire has the same shape. Reading accepts any ISO-8601 instant.
     */
    private static final class InstantAdapter extends TypeAdapter<Instant> {
        private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
                .withZone(ZoneOffset.UTC);

        @Override
        public void write(JsonWriter out, Instant value) throws IOException {
            out.value(WIRE.format(value));
        }

        @Override
        public Instant read(JsonReader in) throws IOException {
            try {
                return Instant.parse(in.nextString());
            } catch (DateTimeParseException e) {
                throw new JsonParseException("not an ISO-8601 instant", e);
            }
        }
    }

    /** Leave reasons in lower case, such as {@code server_stopped}; an unknown one reads as {@code null}. */
    private static final class LeaveReasonAdapter extends TypeAdapter<LeaveReason> {
        @Override
        public void write(JsonWriter out, LeaveReason value) throws IOException {
            out.value(value.wireName());
        }

        @Override
        public LeaveReason read(JsonReader in) throws IOException {
            return LeaveReason.fromWireName(in.nextString());
        }
    }
}

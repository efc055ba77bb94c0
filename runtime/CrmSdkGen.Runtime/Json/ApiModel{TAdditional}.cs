using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;
using CrmSdkGen.Runtime.Validation;

namespace CrmSdkGen.Runtime.Json;

/// <summary>
/// The base of every generated model: a JSON object whose declared properties the generated class reads and writes,
/// and whose undeclared properties are kept in <see cref="AdditionalProperties"/> so that unknown CRM data round-trips.
/// </summary>
/// <typeparam name="TAdditional">The type of the values of undeclared properties.</typeparam>
public abstract class ApiModel<TAdditional> : IValidatable, IChangeTracking
{
    private IDictionary<string, TAdditional>? _additionalProperties;
    private bool _additionalPropertiesChanged;
    private bool _writingChanges;

    /// <summary>Which declared properties were read or assigned; only those are written.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected PropertySet Assigned;

    /// <summary>Which declared properties were assigned since the model was created, read or last accepted.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected PropertySet Changed;

    /// <summary>Properties the schema does not declare, kept as received and written back unchanged.</summary>
    public IDictionary<string, TAdditional> AdditionalProperties
    {
        get => _additionalProperties ??= new Dictionary<string, TAdditional>();
        set
        {
            _additionalProperties = value;
            _additionalPropertiesChanged = true;
        }
    }

    /// <summary>
    /// Whether a property was assigned since the model was created, read or last accepted. Assigning a whole new
    /// <see cref="AdditionalProperties"/> dictionary counts; changing the dictionary in place, or a nested model in
    /// place, does not.
    /// </summary>
    public bool HasChanges => !Changed.IsEmpty || _additionalPropertiesChanged;

    /// <summary>Whether the property with this JSON name was assigned since the model was created, read or last accepted.</summary>
    public bool IsChanged(string jsonName) =>
        IndexOfProperty(jsonName) is var index and >= 0 ? Changed.Has(index) : _additionalPropertiesChanged && _additionalProperties?.ContainsKey(jsonName) == true;

    /// <summary>Forgets the changes, for instance after they were sent, so that the next changes start from here.</summary>
    public void AcceptChanges()
    {
        Changed = default;
        _additionalPropertiesChanged = false;
    }

    /// <summary>Writes only the changed properties as a JSON object: the minimal body of a PATCH after loading and editing a model.</summary>
    /// <remarks>A changed property that holds a nested model is written whole.</remarks>
    public void WriteChangesJson(Utf8JsonWriter writer)
    {
        _writingChanges = true;
        try
        {
            WriteJson(writer);
        }
        finally
        {
            _writingChanges = false;
        }
    }

    /// <summary>The codec of the values in <see cref="AdditionalProperties"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected abstract JsonCodec<TAdditional> AdditionalPropertyCodec { get; }

    /// <summary>Whether the property with this JSON name was read or assigned, which is what <see cref="WriteJson"/> writes.</summary>
    public bool IsSet(string jsonName) =>
        IndexOfProperty(jsonName) is var index and >= 0 ? Assigned.Has(index) : _additionalProperties?.ContainsKey(jsonName) == true;

    /// <summary>
    /// Checks this model and everything in it against the schema (required, lengths, patterns, bounds, formats, items,
    /// enums) and the rules registered in <paramref name="settings"/>; with <paramref name="correct"/>, the registered
    /// correctors run first.
    /// </summary>
    public ValidationResult Validate(ValidationSettings? settings = null, bool correct = false) => ValidationContext.Validate(this, settings, correct);

    /// <inheritdoc />
    public void ValidateInto(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Correcting)
        {
            context.Settings.Correct(this, context);
        }

        ValidateProperties(context);
        context.Settings.Validate(this, context);
    }

    /// <summary>The number of properties that are set, declared and undeclared, for minProperties and maxProperties.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected int SetPropertyCount => Assigned.Count + (_additionalProperties?.Count ?? 0);

    /// <summary>Checks the declared properties against the schema; the generated model overrides it.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected virtual void ValidateProperties(ValidationContext context)
    {
    }

    /// <summary>Writes this model as a JSON object, with exactly the properties that were read or assigned.</summary>
    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        WriteProperties(writer);
        if (_additionalProperties is not null && (_additionalPropertiesChanged || !_writingChanges))
        {
            var codec = AdditionalPropertyCodec;
            foreach (var pair in _additionalProperties)
            {
                writer.WritePropertyName(pair.Key);
                codec.Write(writer, pair.Value);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads the JSON object at the reader's position into <paramref name="model"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static TModel ReadObject<TModel>(ref Utf8JsonReader reader, TModel model)
        where TModel : ApiModel<TAdditional>
    {
        JsonReading.ExpectStartObject(ref reader, typeof(TModel).Name);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // The name's bytes are kept (not decoded) so that a failure can say which property it was.
            var name = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
            try
            {
                if (model.ReadProperty(ref reader))
                {
                    continue;
                }

                var additional = reader.GetString()!;
                JsonReading.MoveToValue(ref reader);
                (model._additionalProperties ??= new Dictionary<string, TAdditional>())[additional] = model.AdditionalPropertyCodec.Read(ref reader);
            }
            catch (JsonException failure)
            {
                throw JsonPathException.InProperty(failure, Encoding.UTF8.GetString(name), typeof(TModel).Name);
            }
        }

        model.CheckRequired();
        return model;
    }

    /// <summary>Marks a declared property as assigned and changed; the generated setters call it.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected void MarkChanged(int index)
    {
        Assigned.Mark(index);
        Changed.Mark(index);
    }

    /// <summary>Whether a declared property is written: when it is set, or, while only changes are written, when it changed.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected bool Writes(int index) => _writingChanges ? Changed.Has(index) : Assigned.Has(index);

    /// <summary>The index of a declared property in <see cref="Assigned"/>, or -1 when the name is not declared.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected virtual int IndexOfProperty(string jsonName) => -1;

    /// <summary>
    /// Reads the property whose name the reader is on when it is declared, leaving the reader on the value's last
    /// token; returns false for an undeclared name without moving.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected virtual bool ReadProperty(ref Utf8JsonReader reader) => false;

    /// <summary>Throws when a property the schema requires was not in the JSON just read.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected virtual void CheckRequired()
    {
    }

    /// <summary>Writes the declared properties that were read or assigned.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected virtual void WriteProperties(Utf8JsonWriter writer)
    {
    }
}

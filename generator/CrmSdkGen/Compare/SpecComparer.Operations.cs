using System;
using System.Collections.Generic;
using System.Linq;
using CrmSdkGen.Kernel;
using CrmSdkGen.Model;
using CrmSdkGen.Read;

namespace CrmSdkGen.Compare;

/// <summary>The regeneration report's comparison of one operation with the one it became.</summary>
internal sealed partial class SpecComparer
{
    // An operation found again: where its generated method keeps its name (the same operation id) and its client (the
    // same tag), a note at most; else calls to the old method no longer compile, and the finding says where it went.
    private void ReportMove(ApiOperation old, ApiOperation current, OperationMatch match)
    {
        var at = OperationPointer(current);
        var methodKept = match == OperationMatch.Same || old.OperationId is not null && old.OperationId == current.OperationId;
        if (!methodKept)
        {
            Breaking(DiagnosticIds.RemovedOperation, $"The operation {old.Key}{Named(old)} was removed; it reappears as {current.Key}{Named(current)}, so calls to its method move to the new one.", at);
        }
        else if (old.Group != current.Group)
        {
            Breaking(DiagnosticIds.RemovedOperation, $"The operation {old.Key}{Named(old)} moved {(match == OperationMatch.Same ? string.Empty : "to " + current.Key + " ")}under the tag '{current.Group}'; its method is on that tag's client now.", at);
        }
        else if (!OperationPairs.SameShape(old, current))
        {
            _sink.Report(DiagnosticIds.Moved, Severity.Info, $"The operation {old.Key}{Named(old)} moved to {current.Key}; its method keeps its name.", at);
        }
    }

    private void CompareOperation(ApiOperation old, ApiOperation current)
    {
        var at = OperationPointer(current);
        var what = $"{current.Key}{Named(current)}";
        var renamed = RenamedPathParameters(old, current);
        var matched = new HashSet<ApiParameter>();
        foreach (var parameter in old.Parameters)
        {
            var newName = parameter.Location == ApiParameterLocation.Path && renamed.TryGetValue(parameter.Name, out var rename) ? rename : parameter.Name;
            var now = current.Parameters.FirstOrDefault(candidate => candidate.Name == newName && candidate.Location == parameter.Location)
                ?? current.Parameters.FirstOrDefault(candidate => candidate.Name == newName);
            if (now is null)
            {
                Breaking(DiagnosticIds.RemovedParameter, $"The {Location(parameter)} parameter '{parameter.Name}' of {what} was removed.", at);
                continue;
            }

            matched.Add(now);
            var parameterAt = now.Pointer ?? at;
            if (newName != parameter.Name)
            {
                _sink.Report(DiagnosticIds.Moved, Severity.Info, $"The path parameter '{parameter.Name}' of {what} was renamed to '{newName}'; calls that pass it by position still compile, calls that name the argument do not.", parameterAt);
            }

            if (now.Location != parameter.Location)
            {
                Breaking(DiagnosticIds.ChangedParameterLocation, $"The parameter '{parameter.Name}' of {what} moved from the {Location(parameter)} to the {Location(now)}.", parameterAt);
            }

            if (!parameter.Required && now.Required)
            {
                Breaking(DiagnosticIds.BecameRequired, $"The {Location(now)} parameter '{now.Name}' of {what} became required.", parameterAt);
            }

            CompareType(parameter.Type, now.Type, $"the {Location(now)} parameter '{now.Name}' of {what}", parameterAt);
        }

        foreach (var added in current.Parameters.Where(parameter => !matched.Contains(parameter)))
        {
            if (added.Required)
            {
                Breaking(DiagnosticIds.BecameRequired, $"{what} gained the required {Location(added)} parameter '{added.Name}'.", added.Pointer ?? at);
            }
            else
            {
                Added($"{what} gained the optional {Location(added)} parameter '{added.Name}'.", added.Pointer ?? at);
            }
        }

        if (!old.Result.SuccessStatuses.SequenceEqual(current.Result.SuccessStatuses) && current.Result.SuccessStatuses.Count > 0)
        {
            _sink.Report(DiagnosticIds.ChangedStatus, Severity.Info, $"The success status of {what} changed from {Statuses(old)} to {Statuses(current)}; code that checks the status of its response sees the new one.", at + "/responses/" + SpecPointer.Escape(current.Result.SuccessStatuses[0]));
        }

        CompareBody(old.Body, current.Body, what, at);
        if (old.Result.Type is { } result)
        {
            if (current.Result.Type is { } now)
            {
                _responseSide = true;
                CompareType(result, now, $"the response of {what}", current.Result.Pointer ?? at + "/responses");
                _responseSide = false;
            }
            else
            {
                Breaking(DiagnosticIds.RemovedResponse, $"The success response body of {what} was removed.", at + "/responses");
            }
        }

        foreach (var error in old.Errors.Where(error => !current.Errors.Any(candidate => candidate.StatusPattern == error.StatusPattern)))
        {
            Breaking(DiagnosticIds.RemovedResponse, $"The '{error.StatusPattern}' response of {what} was removed; code that catches its typed error no longer sees it.", at + "/responses");
        }

        foreach (var error in current.Errors.Where(error => !old.Errors.Any(candidate => candidate.StatusPattern == error.StatusPattern)))
        {
            Added($"{what} gained the '{error.StatusPattern}' response.", at + "/responses/" + error.StatusPattern);
        }
    }

    private void CompareBody(ApiBody? old, ApiBody? current, string what, string at)
    {
        switch (old, current)
        {
            case ({ }, null):
                Breaking(DiagnosticIds.RemovedParameter, $"The request body of {what} was removed.", at);
                break;
            case (null, { Required: true }):
                Breaking(DiagnosticIds.BecameRequired, $"{what} gained a required request body.", at + "/requestBody");
                break;
            case ({ } before, { } after):
                if (!before.Required && after.Required)
                {
                    Breaking(DiagnosticIds.BecameRequired, $"The request body of {what} became required.", at + "/requestBody");
                }

                if (before.Type is { } bodyBefore && after.Type is { } bodyAfter)
                {
                    CompareType(bodyBefore, bodyAfter, $"the request body of {what}", at + "/requestBody");
                }

                break;
        }
    }

    // Path parameters paired by their place in the path: {contactId} in the old path and {id} in the new one at the same place.
    private static Dictionary<string, string> RenamedPathParameters(ApiOperation old, ApiOperation current)
    {
        var before = OperationPairs.PathParameterNames(old.Path);
        var after = OperationPairs.PathParameterNames(current.Path);
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        if (before.Count == after.Count)
        {
            for (var i = 0; i < before.Count; i++)
            {
                if (before[i] != after[i] && !after.Contains(before[i]))
                {
                    renamed[before[i]] = after[i];
                }
            }
        }

        return renamed;
    }

    private static string Statuses(ApiOperation operation) => operation.Result.SuccessStatuses.Count == 0 ? "none" : string.Join(" or ", operation.Result.SuccessStatuses);
}

"use client";

import { useActionState } from "react";
import { saveUserAction } from "@/app/(app)/quan-tri/actions";
import { TextField, SelectField } from "@/components/ui/form-fields";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useMessages } from "@/components/i18n/messages-provider";
import { ROLES } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";

type Props = {
  user?: { id: string; email: string; fullName: string; jobTitle: string; role: Role; unitId: string | null; issuingBodyId: string | null };
  units: { id: string; name: string }[];
  /** Active bodies, plus the clerk's own even if deactivated since (lib/issuing-bodies/list-issuing-bodies). */
  issuingBodies: { id: string; name: string }[];
};

export function UserForm({ user, units, issuingBodies }: Props) {
  const [state, action] = useActionState(saveUserAction.bind(null, user?.id), { ok: false });
  const { common, admin, bodies } = useMessages();
  const t = admin.users.form;
  return (
    <form action={action} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="fullName" label={common.fields.fullName} state={state} defaultValue={user?.fullName} maxLength={120} required />
        <TextField name="email" label={admin.shared.email} type="email" state={state} defaultValue={user?.email} maxLength={254} required />
        <TextField name="jobTitle" label={common.fields.jobTitle} state={state} defaultValue={user?.jobTitle} maxLength={120} required />
        <SelectField
          name="role"
          label={admin.shared.role}
          state={state}
          defaultValue={user?.role ?? "UNIT_HEAD"}
          options={ROLES.map((r) => ({ value: r, label: common.roles[r] }))}
        />
        <SelectField
          name="unitId"
          label={common.fields.unit}
          state={state}
          defaultValue={user?.unitId ?? ""}
          hint={t.unitHint}
          options={[{ value: "", label: t.noUnit }, ...units.map((u) => ({ value: u.id, label: u.name }))]}
        />
        <SelectField
          name="issuingBodyId"
          label={bodies.userBody}
          state={state}
          defaultValue={user?.issuingBodyId ?? ""}
          hint={bodies.userBodyHint}
          options={[{ value: "", label: bodies.noBody }, ...issuingBodies.map((b) => ({ value: b.id, label: b.name }))]}
        />
        {!user && (
          <TextField name="password" label={t.initialPassword} type="password" autoComplete="new-password" state={state} required />
        )}
      </div>
      <FormMessage state={state} />
      <SubmitButton>{user ? admin.shared.saveChanges : t.create}</SubmitButton>
    </form>
  );
}

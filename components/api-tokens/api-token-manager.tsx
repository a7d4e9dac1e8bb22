"use client";

import { useState } from "react";
import { CreateTokenForm } from "./create-token-form";
import { NewTokenNotice } from "./new-token-notice";
import type { CreatedApiToken } from "./queries";
import { TokenList } from "./token-list";

/** The API tokens page: the token just created (shown once), the create form and the list. */
export function ApiTokenManager() {
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  return (
    <div className="flex flex-col gap-6">
      {created ? <NewTokenNotice token={created} onDone={() => setCreated(null)} /> : null}
      <CreateTokenForm onCreated={setCreated} />
      <TokenList />
    </div>
  );
}
